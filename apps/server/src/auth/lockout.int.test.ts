import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { normalizeZaPhone } from '@opentill/domain';
import { TEST_DB_KIND, randomPhone, registerShop, testApp, testDb } from '../test/test-app.js';
import { TEST_REDIS_URL, deleteKeys, redisReachable, uniqueKeyPrefix } from '../test/redis.js';
import { auditLog } from '../db/schema.js';
import { ATTEMPT_KEY_PREFIX, createAttemptGuard } from './attempt-guard.js';

const PIN = '2468';
const WRONG = '0000';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

function signIn(on: FastifyInstance, phone: string, pin: string, deviceId: string = randomUUID()) {
  return on.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { phone, pin, deviceId } });
}

async function wrongPins(on: FastifyInstance, phone: string, times: number): Promise<number[]> {
  const codes: number[] = [];
  for (let attempt = 0; attempt < times; attempt++) codes.push((await signIn(on, phone, WRONG)).statusCode);
  return codes;
}

function expectLockedOut(response: Awaited<ReturnType<typeof signIn>>) {
  expect(response.statusCode).toBe(429);
  expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_LOCKED_OUT' } });
  // The lock counts down in real time: only its bounds are certain.
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

async function auditActions(tenantId: string, action: string) {
  const db = await testDb();
  return db.withTenant(tenantId, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action))),
  );
}

describe(`sign-in lockout per phone (${TEST_DB_KIND})`, () => {
  it('refuses even the right PIN after five wrong ones, in any spelling of the phone', async () => {
    const phone = randomPhone();
    await registerShop(app, { phone, pin: PIN });
    expect(await wrongPins(app, phone, 5)).toEqual([401, 401, 401, 401, 401]);
    expectLockedOut(await signIn(app, phone, PIN));
    expectLockedOut(await signIn(app, phone.replace(/^0/, '+27 '), PIN));
  });

  it('leaves other phones alone', async () => {
    const [locked, other] = [randomPhone(), randomPhone()];
    await registerShop(app, { phone: locked, pin: PIN });
    await registerShop(app, { phone: other, pin: PIN });
    await wrongPins(app, locked, 5);
    expect((await signIn(app, other, PIN)).statusCode).toBe(200);
    expect(await wrongPins(app, other, 1)).toEqual([401]);
  });

  it('records the lockout in the shop’s audit log, once', async () => {
    const phone = randomPhone();
    const owner = await registerShop(app, { phone, pin: PIN });
    const deviceId = randomUUID();
    await wrongPins(app, phone, 4);
    expect(await auditActions(owner.tenant.id, 'auth.locked_out')).toEqual([]);
    await signIn(app, phone, WRONG, deviceId);
    await signIn(app, phone, PIN);
    const entries = await auditActions(owner.tenant.id, 'auth.locked_out');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: owner.user.id,
      details: { kind: 'signin', lockSeconds: 60, lockoutNumber: 1, deviceId },
    });
  });

  it('locks an unknown phone the same way, so a lock tells nothing about who owns a shop', async () => {
    const phone = randomPhone();
    expect(await wrongPins(app, phone, 5)).toEqual([401, 401, 401, 401, 401]);
    expectLockedOut(await signIn(app, phone, PIN));
  });

  it('forgets wrong PINs after a right one', async () => {
    const fast = await testApp({
      attemptGuard: createAttemptGuard({
        policy: {
          maxFailures: 2,
          failureWindowSeconds: 60,
          firstLockSeconds: 60,
          maxLockSeconds: 60,
          escalationWindowSeconds: 60,
        },
      }),
    });
    const phone = randomPhone();
    await registerShop(fast, { phone, pin: PIN });
    expect(await wrongPins(fast, phone, 1)).toEqual([401]);
    expect((await signIn(fast, phone, PIN)).statusCode).toBe(200);
    expect(await wrongPins(fast, phone, 1)).toEqual([401]);
    expect((await signIn(fast, phone, PIN)).statusCode).toBe(200);
    expect(await wrongPins(fast, phone, 2)).toEqual([401, 401]);
    expectLockedOut(await signIn(fast, phone, PIN));
    await fast.close();
  });
});

const redisUp = await redisReachable();
if (!redisUp) console.warn(`Skipping the shared-lockout tests: no Redis answers at ${TEST_REDIS_URL}`);

describe.skipIf(!redisUp)(`sign-in lockout across instances through Redis (${TEST_DB_KIND})`, () => {
  const clients: Redis[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    for (const client of clients) client.disconnect();
  });

  function client(): Redis {
    const redis = new Redis(TEST_REDIS_URL);
    clients.push(redis);
    return redis;
  }

  it('locks the phone on every instance', async () => {
    const keyPrefix = uniqueKeyPrefix('lockout');
    const stores = [client(), client()] as const;
    cleanups.push(() => deleteKeys(stores[0], keyPrefix));
    // Two instances, each with its own client and guard: only Redis is shared.
    const [first, second] = await Promise.all(
      stores.map((redis) => testApp({ redis, attemptGuard: createAttemptGuard({ redis, keyPrefix }) })),
    );
    if (!first || !second) throw new Error('no instances');
    const phone = randomPhone();
    await registerShop(first, { phone, pin: PIN });
    const codes: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++)
      codes.push((await signIn(attempt % 2 ? second : first, phone, WRONG)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    expectLockedOut(await signIn(first, phone, PIN));
    expectLockedOut(await signIn(second, phone, PIN));
    await Promise.all([first.close(), second.close()]);
  });

  it('keeps the app’s own counts in Redis when it has a client', async () => {
    const store = client();
    const instance = await testApp({ redis: store });
    const phone = normalizeZaPhone(randomPhone()) ?? '';
    const key = `${ATTEMPT_KEY_PREFIX}:fail:signin:${phone}`;
    cleanups.push(async () => void (await store.del(key)));
    await signIn(instance, phone, WRONG);
    expect(await store.get(key)).toBe('1');
    await instance.close();
  });
});
