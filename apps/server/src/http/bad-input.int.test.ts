/**
 * Bad input on every route that writes: a 4xx with a stable code and a human
 * message, and not a single row written (issue 2, "Must show" 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, type Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp, testDb, testToken } from '../test/test-app.js';
import { DeviceScript, syncBody } from '../test/operations.js';
import { devices, products, sales, syncOperations, tenants, users } from '../db/schema.js';
import { BODY_LIMIT } from '../app.js';

let app: FastifyInstance;
let session: Session;

beforeAll(async () => {
  app = await testApp();
  session = await registerShop(app);
});
afterAll(async () => {
  await app.close();
});

/**
 * Row counts of every table. On PGlite each worker has its own database, so any
 * change is this request's; on PostgreSQL other suites write concurrently, so
 * there the shop's own rows are checked instead (`shopRows`).
 */
async function rowCounts() {
  if (TEST_DB_KIND === 'postgres') return shopRows();
  const db = await testDb();
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries({ tenants, users, devices, products, sales, syncOperations })) {
    const [row] = await db.asSystem((tx) => tx.select({ n: count() }).from(table));
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

async function shopRows() {
  const db = await testDb();
  const [saleRows] = await db.withTenant(session.tenant.id, (tx) =>
    tx.select({ n: count() }).from(sales).where(eq(sales.tenantId, session.tenant.id)),
  );
  const [operationRows] = await db.withTenant(session.tenant.id, (tx) =>
    tx.select({ n: count() }).from(syncOperations).where(eq(syncOperations.tenantId, session.tenant.id)),
  );
  return { sales: saleRows?.n ?? 0, syncOperations: operationRows?.n ?? 0 };
}

const ROUTES = ['/api/v1/auth/register', '/api/v1/auth/sign-in', '/api/v1/sync'] as const;

const isErrorCode = (code: string) => Object.hasOwn(ERROR_CODES, code);

const BAD_BODIES: [label: string, body: string, contentType: string, status: number, code: string][] = [
  ['malformed JSON', '{"deviceId": ', 'application/json', 400, 'OT_ERR_MALFORMED_JSON'],
  ['a text body', 'hello', 'text/plain', 415, 'OT_ERR_UNSUPPORTED_MEDIA_TYPE'],
  ['an oversize body', `{"x":"${'a'.repeat(BODY_LIMIT)}"}`, 'application/json', 413, 'OT_ERR_BODY_TOO_LARGE'],
  ['null', 'null', 'application/json', 400, 'OT_ERR_VALIDATION'],
  ['a number', '42', 'application/json', 400, 'OT_ERR_VALIDATION'],
  ['an empty object', '{}', 'application/json', 400, 'OT_ERR_VALIDATION'],
];

describe(`bad input on every writing route (${TEST_DB_KIND})`, () => {
  for (const url of ROUTES) {
    it.each(BAD_BODIES)(
      `${url}: %s → stable code, nothing written`,
      async (_label, body, contentType, status, code) => {
        const before = await rowCounts();
        const response = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': contentType, ...bearer(session) },
          payload: body,
        });
        expect(response.statusCode).toBe(status);
        const error = response.json<{ error: { code: string; message: string } }>().error;
        expect(error.code).toBe(code);
        expect(error.message).toMatch(/\w+ \w+/);
        expect(await rowCounts()).toEqual(before);
      },
    );
  }

  it('every writing route in the route table: each bad body or id gets a 4xx, a known code, words, no write', async () => {
    const writing = app.apiRoutes.filter((route) => route.method === 'POST' || route.method === 'PATCH');
    expect(writing.length).toBeGreaterThanOrEqual(ROUTES.length + 3);
    const ids = ['not-a-uuid', randomUUID(), "1' OR '1'='1"];
    for (const route of writing) {
      for (const id of route.url.includes(':') ? ids : ['']) {
        const url = route.url.replace(/:\w+/g, encodeURIComponent(id));
        for (const [label, body, contentType] of BAD_BODIES) {
          const before = await rowCounts();
          const response = await app.inject({
            method: route.method as 'POST' | 'PATCH',
            url,
            headers: { 'content-type': contentType, ...bearer(session) },
            payload: body,
          });
          const error = response.json<{ error?: { code: string; message: string } }>().error;
          const seen = { url, label, status: response.statusCode, known: isErrorCode(error?.code ?? '') };
          expect(seen).toEqual({
            url,
            label,
            status: expect.toSatisfy((n: number) => n >= 400 && n < 500),
            known: true,
          });
          expect(error?.message).toMatch(/\w+ \w+/);
          expect(await rowCounts()).toEqual(before);
        }
      }
    }
  });

  it('refuses a token of a tenant that does not exist, writing nothing', async () => {
    const deviceId = randomUUID();
    const token = await testToken({
      tenantId: randomUUID(),
      branchId: randomUUID(),
      deviceId,
      userId: randomUUID(),
      permissions: ['sync:push'],
    });
    const before = await rowCounts();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: { authorization: `Bearer ${token}` },
      payload: { ...syncBody(session, [new DeviceScript().sale()]), deviceId },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_DEVICE_UNKNOWN' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a token signed with another key', async () => {
    const { createTokenService, generateTokenKey } = await import('../auth/tokens.js');
    // Same key id as the server's test key, another key: only the signature tells them apart.
    const forger = createTokenService([generateTokenKey('test')]);
    const { token } = await forger.sign({
      tenantId: session.tenant.id,
      branchId: session.branch.id,
      deviceId: session.device.id,
      userId: session.user.id,
      permissions: ['sync:push'],
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: { authorization: `Bearer ${token}` },
      payload: syncBody(session, [new DeviceScript().sale()]),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_UNAUTHENTICATED' } });
  });
});
