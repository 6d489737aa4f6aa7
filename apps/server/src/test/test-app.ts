/**
 * Test harness for integration suites: one database per worker (PGlite in memory
 * or a fresh PostgreSQL database, by OPENTILL_TEST_DB) and an app built on it.
 * Every test registers its own shop, so suites never depend on each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, type Action, type Session, type SyncResponse } from '@opentill/domain';
import { eq } from 'drizzle-orm';
import { buildApp, type AppDeps } from '../app.js';
import { users } from '../db/schema.js';
import { createDb, type Db } from '../db/client.js';
import { createTokenService, generateTokenKey, type DeviceClaims } from '../auth/tokens.js';

export const TEST_DB_KIND = process.env.OPENTILL_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let shared: Promise<Db> | undefined;

export function testDb(): Promise<Db> {
  shared ??=
    TEST_DB_KIND === 'postgres'
      ? createDb({ databaseUrl: inject('postgresUrl'), poolMax: 8 })
      : createDb({ inMemory: true });
  return shared;
}

/** Signs like the server's tokens do; the key is made once per worker. */
export const TEST_TOKEN_KEY = generateTokenKey('test');
export const testTokens = createTokenService([TEST_TOKEN_KEY]);

/** A token for these claims, as the tests' hand-made devices hold. */
export async function testToken(claims: DeviceClaims): Promise<string> {
  return (await testTokens.sign(claims)).token;
}

/** The session with a token of only these actions: the same person and device, as a role that may less. */
export async function sessionWith(session: Session, permissions: Action[]): Promise<Session> {
  const { tenant, branch, device, user } = session;
  const token = await testToken({
    tenantId: tenant.id,
    branchId: branch.id,
    deviceId: device.id,
    userId: user.id,
    permissions,
  });
  return { ...session, token };
}

export async function testApp(overrides: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    db: await testDb(),
    tokens: testTokens,
    authRateLimit: { max: 10_000, timeWindow: '1 minute' },
    refreshRateLimit: { max: 10_000, timeWindow: '1 minute' },
    ...overrides,
  });
  await app.ready();
  return app;
}

/** A random valid South African mobile number, so shops never collide. */
export function randomPhone(): string {
  // The whole national range (9 digits, not starting with 0): collisions stay negligible.
  return `0${1 + Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0')}`;
}

export async function registerShop(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: {
      businessName: 'Test Spaza',
      ownerName: 'Thabo Test',
      phone: randomPhone(),
      pin: '2468',
      deviceId: randomUUID(),
      ...overrides,
    },
  });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return response.json<Session>();
}

export function bearer(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.token}` };
}

/** Signs a new device in to the owner's shop (the owner's phone, the harness's PIN). */
export async function signInDevice(app: FastifyInstance, owner: Session): Promise<Session> {
  const db = await testDb();
  const [row] = await db.withTenant(owner.tenant.id, (tx) =>
    tx.select({ phone: users.phone }).from(users).where(eq(users.id, owner.user.id)),
  );
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { phone: row?.phone ?? '', pin: '2468', deviceId: randomUUID() },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return response.json<Session>();
}

/** Pushes these operations as the session's device (and pulls from `cursor`); the answer must be a 200. */
export async function pushAs(
  app: FastifyInstance,
  session: Session,
  operations: unknown[] = [],
  cursor: string | null = null,
): Promise<SyncResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: bearer(session),
    payload: {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: session.device.id,
      lastSyncTimestamp: null,
      cursor,
      pendingOperations: operations,
    },
  });
  if (response.statusCode !== 200) throw new Error(`sync answered ${response.statusCode}: ${response.body}`);
  return response.json<SyncResponse>();
}
