/**
 * Pokes: content-free "something changed" hints sent to a tenant's devices after
 * a commit (SPEC SY13). In embedded mode they stay in this process; with Redis
 * they fan out to every API instance through pub/sub, one channel per tenant.
 * A poke carries no data, so a lost or duplicated poke costs at most one pull.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export interface PokeBus {
  /** Tell every device of the tenant, on every instance. Call only after the commit. */
  publish(tenantId: string): void;
  /** Listen for the tenant's pokes; returns the function that stops listening. */
  subscribe(tenantId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

const CHANNEL_PREFIX = 'opentill:poke:';

function createEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  // One listener per open device stream: a busy shop has many.
  emitter.setMaxListeners(0);
  return emitter;
}

export function createLocalPokeBus(): PokeBus {
  const emitter = createEmitter();
  return {
    publish: (tenantId) => void emitter.emit(tenantId),
    subscribe(tenantId, listener) {
      emitter.on(tenantId, listener);
      return () => emitter.off(tenantId, listener);
    },
    close: async () => void emitter.removeAllListeners(),
  };
}

/**
 * Publishes on `publisher`; listens on a dedicated subscriber connection (a Redis
 * connection in subscribe mode can do nothing else), subscribed to a tenant's
 * channel while this instance has at least one device of that tenant connected.
 */
export function createRedisPokeBus(publisher: Redis, onError: (error: unknown) => void = () => undefined): PokeBus {
  const subscriber = publisher.duplicate();
  const emitter = createEmitter();
  subscriber.on('message', (channel: string) => {
    if (channel.startsWith(CHANNEL_PREFIX)) emitter.emit(channel.slice(CHANNEL_PREFIX.length));
  });
  subscriber.on('error', onError);

  return {
    publish(tenantId) {
      publisher.publish(`${CHANNEL_PREFIX}${tenantId}`, '').catch(onError);
    },
    subscribe(tenantId, listener) {
      if (emitter.listenerCount(tenantId) === 0) subscriber.subscribe(`${CHANNEL_PREFIX}${tenantId}`).catch(onError);
      emitter.on(tenantId, listener);
      return () => {
        emitter.off(tenantId, listener);
        if (emitter.listenerCount(tenantId) === 0) {
          subscriber.unsubscribe(`${CHANNEL_PREFIX}${tenantId}`).catch(onError);
        }
      };
    },
    async close() {
      emitter.removeAllListeners();
      subscriber.disconnect();
    },
  };
}
