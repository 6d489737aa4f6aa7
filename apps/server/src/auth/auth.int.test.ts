import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, randomPhone, registerShop, testApp, testDb } from '../test/test-app.js';
import { syncBody } from '../test/operations.js';
import { devices, tenants, users } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function tenantCount() {
  const db = await testDb();
  const [row] = await db.asSystem((tx) => tx.select({ n: count() }).from(tenants));
  return row?.n ?? 0;
}

function signIn(payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload });
}

describe(`registration on ${TEST_DB_KIND}`, () => {
  it('creates the shop, its Main branch, the owner and the device, and returns a working token', async () => {
    const phone = randomPhone();
    const session = await registerShop(app, { businessName: "Nomsa's Spaza", phone });
    expect(session).toMatchObject({
      tenant: { businessName: "Nomsa's Spaza" },
      branch: { name: 'Main' },
      user: { role: 'OWNER', name: 'Thabo Test' },
    });
    const sync = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(session),
      payload: syncBody(session),
    });
    expect(sync.statusCode).toBe(200);
  });

  it('stores the PIN only as an Argon2id hash', async () => {
    const session = await registerShop(app, { pin: '135790' });
    const db = await testDb();
    const [owner] = await db.withTenant(session.tenant.id, (tx) =>
      tx.select().from(users).where(eq(users.id, session.user.id)),
    );
    expect(owner?.pinHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(owner?.pinHash).not.toContain('135790');
  });

  it('refuses a phone number that already owns a shop, and creates nothing', async () => {
    const phone = randomPhone();
    await registerShop(app, { phone });
    const before = await tenantCount();
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { businessName: 'Copy', ownerName: 'X', phone, pin: '1111', deviceId: randomUUID() },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'OT_ERR_PHONE_TAKEN' } });
    expect(await tenantCount()).toBe(before);
  });

  it('refuses a device id that is already registered, and creates nothing', async () => {
    const deviceId = randomUUID();
    await registerShop(app, { deviceId });
    const before = await tenantCount();
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { businessName: 'Other', ownerName: 'Y', phone: randomPhone(), pin: '1111', deviceId },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'OT_ERR_DEVICE_TAKEN' } });
    expect(await tenantCount()).toBe(before);
  });
});

describe(`sign-in on ${TEST_DB_KIND}`, () => {
  it('registers a new device for the shop with the right phone and PIN', async () => {
    const phone = randomPhone();
    const owner = await registerShop(app, { phone, pin: '8642' });
    const deviceId = randomUUID();
    const response = await signIn({ phone: phone.replace(/^0/, '+27'), pin: '8642', deviceId });
    expect(response.statusCode).toBe(200);
    const session = response.json<Session>();
    expect(session.tenant.id).toBe(owner.tenant.id);
    expect(session.device.id).toBe(deviceId);
    const db = await testDb();
    expect(
      await db.withTenant(owner.tenant.id, (tx) =>
        tx.select().from(devices).where(eq(devices.tenantId, owner.tenant.id)),
      ),
    ).toHaveLength(2);
  });

  it('gives the same answer for a wrong PIN and an unknown phone, and registers no device', async () => {
    const phone = randomPhone();
    await registerShop(app, { phone, pin: '8642' });
    const wrongPin = await signIn({ phone, pin: '0000', deviceId: randomUUID() });
    const unknown = await signIn({ phone: randomPhone(), pin: '8642', deviceId: randomUUID() });
    for (const response of [wrongPin, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'OT_ERR_INVALID_CREDENTIALS', message: 'The phone number or PIN is not right.' },
      });
    }
  });

  it('limits attempts per address', async () => {
    const limited = await testApp({ authRateLimit: { max: 3, timeWindow: '1 minute' } });
    const phone = randomPhone();
    const codes: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await limited.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { phone, pin: '0000', deviceId: randomUUID() },
      });
      codes.push(response.statusCode);
      if (response.statusCode === 429)
        expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_RATE_LIMITED' } });
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });
});

describe(`rate limits across instances (${TEST_DB_KIND})`, () => {
  it('shares the attempt count between two instances through Redis', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const clients = [new Redis(redisUrl), new Redis(redisUrl)];
    const limit = { max: 3, timeWindow: '1 minute' };
    const instances = await Promise.all(clients.map((redis) => testApp({ redis, authRateLimit: limit })));
    // A loopback address of its own, so parallel runs never share a counter.
    const remoteAddress = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const codes: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const instance = instances[attempt % 2];
      if (!instance) throw new Error('no instance');
      const response = await instance.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress,
        payload: { phone: randomPhone(), pin: '0000', deviceId: randomUUID() },
      });
      codes.push(response.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await Promise.all(instances.map((instance) => instance.close()));
    for (const client of clients) client.disconnect();
  });
});

describe(`bad input on the auth routes (${TEST_DB_KIND})`, () => {
  const valid = () => ({
    businessName: 'Bad Input Spaza',
    ownerName: 'Sipho',
    phone: randomPhone(),
    pin: '1234',
    deviceId: randomUUID(),
  });

  it.each([
    ['malformed JSON', '{"businessName": "x",', 'application/json', 400, 'OT_ERR_MALFORMED_JSON'],
    ['an empty body', '', 'application/json', 400, 'OT_ERR_MALFORMED_JSON'],
    [
      'a non-JSON content type',
      'businessName=x',
      'application/x-www-form-urlencoded',
      415,
      'OT_ERR_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an oversize body',
      JSON.stringify({ ...valid(), ownerName: 'x'.repeat(1024 * 1024 + 1) }),
      'application/json',
      413,
      'OT_ERR_BODY_TOO_LARGE',
    ],
    ['a JSON array', '[]', 'application/json', 400, 'OT_ERR_VALIDATION'],
    [
      'wrong types',
      JSON.stringify({ ...valid(), pin: 1234, phone: 821234567 }),
      'application/json',
      400,
      'OT_ERR_VALIDATION',
    ],
    ['a short PIN', JSON.stringify({ ...valid(), pin: '12' }), 'application/json', 400, 'OT_ERR_VALIDATION'],
    [
      'a foreign phone number',
      JSON.stringify({ ...valid(), phone: '+44 20 7946 0958' }),
      'application/json',
      400,
      'OT_ERR_VALIDATION',
    ],
    [
      'a missing field',
      JSON.stringify({ ...valid(), businessName: undefined }),
      'application/json',
      400,
      'OT_ERR_VALIDATION',
    ],
  ])('answers %s with a stable code and creates nothing', async (_label, payload, contentType, status, code) => {
    const before = await tenantCount();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(status);
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await tenantCount()).toBe(before);
  });

  it('names each invalid field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...valid(), pin: 'abcd', deviceId: 'not-a-uuid' },
    });
    const paths = response.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['pin', 'deviceId']));
  });

  it('answers bad sign-in input the same way', async () => {
    const response = await signIn({ phone: 'x', pin: 5 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
  });
});
