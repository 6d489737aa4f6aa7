/**
 * Realtime pokes (SY13) over real sockets: a device's open event stream hears
 * a poke after another device's push commits, on the same instance and, through
 * Redis, on another instance. Latencies are printed, never asserted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import type { Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp } from '../test/test-app.js';
import { DeviceScript, syncBody } from '../test/operations.js';

const opened: FastifyInstance[] = [];
const redisClients: Redis[] = [];

afterAll(async () => {
  await Promise.all(opened.map((app) => app.close()));
  for (const client of redisClients) client.disconnect();
});

async function listening(overrides: Parameters<typeof testApp>[0] = {}) {
  const app = await testApp(overrides);
  await app.listen({ port: 0, host: '127.0.0.1' });
  opened.push(app);
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Opens a device's event stream and resolves each time a poke arrives. */
async function openStream(url: string, session: Session) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/sync/events`, { headers: bearer(session), signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    /** Waits for the next `event: poke`, or for `timeoutMs` (false). */
    async nextPoke(timeoutMs = 5000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const index = buffered.indexOf('event: poke');
        if (index >= 0) {
          buffered = buffered.slice(index + 'event: poke'.length);
          return true;
        }
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(1, deadline - Date.now()))),
        ]);
        if (chunk === null) break;
        if (chunk.done) return false;
        buffered += decoder.decode(chunk.value, { stream: true });
      }
      return false;
    },
    close: () => controller.abort(),
  };
}

async function push(url: string, session: Session, operations: unknown[]) {
  const response = await fetch(`${url}/api/v1/sync`, {
    method: 'POST',
    headers: { ...bearer(session), 'content-type': 'application/json' },
    body: JSON.stringify(syncBody(session, operations)),
  });
  expect(response.status).toBe(200);
}

async function signInAnother(url: string, owner: Session, phone: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, pin: '2468', deviceId: randomUUID() }),
  });
  const session = (await response.json()) as Session;
  expect(session.tenant.id).toBe(owner.tenant.id);
  return session;
}

const phone = () => `084${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;

describe(`pokes on ${TEST_DB_KIND}`, () => {
  it('SY13: a push pokes the other devices of the shop, and only them', async () => {
    const { app, url } = await listening();
    const ownerPhone = phone();
    const owner = await registerShop(app, { phone: ownerPhone });
    const till = await signInAnother(url, owner, ownerPhone);
    const stranger = await registerShop(app);
    const tillStream = await openStream(url, till);
    const strangerStream = await openStream(url, stranger);

    const started = performance.now();
    await push(url, owner, [new DeviceScript().product()]);
    expect(await tillStream.nextPoke()).toBe(true);
    console.log(
      `poke latency, one instance (${TEST_DB_KIND}): ${(performance.now() - started).toFixed(1)} ms after the push began`,
    );
    expect(await strangerStream.nextPoke(300)).toBe(false);

    // A push that changes nothing (a retry of nothing) pokes nobody.
    await push(url, owner, []);
    expect(await tillStream.nextPoke(300)).toBe(false);
    tillStream.close();
    strangerStream.close();
  });

  it('SY13: through Redis, a push on one instance pokes a device connected to another', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const [redisA, redisB] = [new Redis(redisUrl), new Redis(redisUrl)];
    redisClients.push(redisA, redisB);
    const first = await listening({ redis: redisA });
    const second = await listening({ redis: redisB });
    const ownerPhone = phone();
    const owner = await registerShop(first.app, { phone: ownerPhone });
    const till = await signInAnother(second.url, owner, ownerPhone);
    const stream = await openStream(second.url, till);
    // Subscribing to the tenant's channel is asynchronous: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const latencies: number[] = [];
    const device = new DeviceScript();
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      await push(first.url, owner, [device.sale()]);
      expect(await stream.nextPoke()).toBe(true);
      latencies.push(performance.now() - started);
    }
    console.log(
      `poke latency across instances via Redis (${TEST_DB_KIND}): ${latencies.map((ms) => ms.toFixed(1)).join(', ')} ms (push start to poke)`,
    );
    stream.close();
  });

  it('refuses an event stream without a valid token', async () => {
    const { url } = await listening();
    const response = await fetch(`${url}/api/v1/sync/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'OT_ERR_UNAUTHENTICATED' } });
  });
});
