import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { PROTOCOL_VERSION, syncRequestSchema } from '@opentill/domain';
import type { TokenService } from '../auth/tokens.js';
import { AppError } from '../http/errors.js';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { SyncService } from './sync.service.js';
import type { PokeBus } from './pokes.js';

/** A comment line this often keeps proxies and mobile networks from closing an idle stream. */
export const KEEP_ALIVE_MS = 25_000;

export function syncRoutes(sync: SyncService, tokens: TokenService, pokes: PokeBus, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    // The push checks its device under the device's lock, and lets a revoked one send what it holds (ID10).
    app.post('/sync', requireAction(tokens, 'sync:push'), async (request) => {
      // An old client gets a named reason before its body is judged by today's schema (SY7).
      const version = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
      if (typeof version === 'number' && version !== PROTOCOL_VERSION) {
        throw new AppError('OT_ERR_PROTOCOL_UNSUPPORTED');
      }
      return sync.sync(claimsOf(request), parseInput(syncRequestSchema, request.body));
    });

    // Open poke streams, ended before the server closes so shutdown does not wait on them.
    const streams = new Set<ServerResponse>();
    app.addHook('preClose', async () => {
      for (const stream of streams) stream.end();
    });

    app.get('/sync/events', requireAction(tokens, 'sync:push', activeDevice), async (request, reply) => {
      const { tenantId } = claimsOf(request);
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write(': connected\n\n');
      streams.add(stream);
      const unsubscribe = pokes.subscribe(tenantId, () => stream.write('event: poke\ndata: {}\n\n'));
      const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const stop = () => {
        clearInterval(keepAlive);
        unsubscribe();
        streams.delete(stream);
      };
      request.raw.once('close', stop);
      stream.once('close', stop);
    });
  };
}
