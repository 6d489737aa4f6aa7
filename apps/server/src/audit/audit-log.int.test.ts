import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditEntryHash, type Session } from '@opentill/domain';
import { TEST_DB_KIND, randomPhone, testApp, testDb } from '../test/test-app.js';
import { auditHeads, auditLog } from '../db/schema.js';
import type { Db, Transaction } from '../db/client.js';
import { recordAudit, verifyAuditChain } from './audit-log.service.js';
import { createAuditSigner } from './audit-signer.js';
import { SIGNING_KEY_META, parseSigningKey } from './sale-signer.js';
import { readMeta } from './integrity.repository.js';
import { runAuditVerify } from './verify-command.js';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  app = await testApp();
  db = await testDb();
});
afterAll(async () => {
  await app.close();
});

const USER_AGENT = 'OpenTill/1.0 (Android 14; Galaxy A15)';

function entriesOf(tenantId: string) {
  return db.withTenant(tenantId, (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(asc(auditLog.seq)),
  );
}

/** The chain as `npm run audit:verify` checks it: as the database owner, past row-level security. */
function verify(tenantId: string) {
  return db.asSystem((tx) => verifyAuditChain(tx, tenantId));
}

async function register(remoteAddress: string, userAgent = USER_AGENT) {
  const phone = randomPhone();
  const deviceId = randomUUID();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress,
    headers: { 'user-agent': userAgent },
    payload: { businessName: 'Audit Spaza', ownerName: 'Lerato', phone, pin: '2468', deviceId, deviceName: 'Till 1' },
  });
  expect(response.statusCode).toBe(201);
  return { session: response.json<Session>(), phone };
}

function signIn(phone: string, pin: string, remoteAddress: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress,
    headers: { 'user-agent': USER_AGENT },
    payload: { phone, pin, deviceId: randomUUID() },
  });
}

/** Appends `count` entries, each in its own transaction, all at once. */
function appendConcurrently(tenantId: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      db.withTenant(tenantId, (tx) =>
        recordAudit(tx, { tenantId, action: 'user.created', details: { index, at: new Date(0) } }),
      ),
    ),
  );
}

/** The messages of an error and its causes (Drizzle wraps the driver's error). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) parts.push(current.message);
  return parts.join(' <- ');
}

/**
 * Runs a statement that must be refused, in a transaction rolled back whatever happens:
 * as the database owner (whom only the trigger stops) or as the app within a tenant.
 */
async function refusal(statement: ReturnType<typeof sql>, asTenant?: string): Promise<string> {
  const notRefused = new Error('not refused');
  const run = (work: (tx: Transaction) => Promise<never>) =>
    asTenant ? db.withTenant(asTenant, work) : db.asSystem(work);
  const error = await run(async (tx) => {
    await tx.execute(statement);
    throw notRefused;
  }).catch((caught: unknown) => caught);
  return error === notRefused ? 'not refused' : messages(error);
}

/** Changes stored entries behind the trigger's back, as someone with the database's owner rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.asSystem(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER ALL`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER ALL`);
  });
}

async function signerKey() {
  const key = parseSigningKey(await readMeta(db.orm, SIGNING_KEY_META));
  if (!key) throw new Error('no signing key');
  return key;
}

describe(`audit entries of the auth flows on ${TEST_DB_KIND}`, () => {
  it('AU4: registration records the shop and its first device, with address and user agent', async () => {
    const { session } = await register('203.0.113.9');
    const entries = await entriesOf(session.tenant.id);
    expect(entries.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'shop.registered'],
      [2, 'device.registered'],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorUserId: session.user.id,
        actorDeviceId: session.device.id,
        ip: '203.0.113.9',
        userAgent: USER_AGENT,
        signatureKeyId: 's1',
      });
    }
    expect(entries[0]?.details).toEqual({ businessName: 'Audit Spaza', branchId: session.branch.id });
    expect(entries[1]?.details).toEqual({ branchId: session.branch.id, deviceName: 'Till 1' });
    expect(entries[0]?.previousHash).toBe('0'.repeat(64));
    expect(entries[1]?.previousHash).toBe(entries[0]?.hash);
    expect(await verify(session.tenant.id)).toEqual({ entries: 2, firstBroken: null });
  });

  it('AU4: a sign-in records the new device and the sign-in; a wrong PIN records a failure', async () => {
    const { session, phone } = await register('203.0.113.10');
    const wrong = await signIn(phone, '0000', '198.51.100.20');
    expect(wrong.statusCode).toBe(401);
    const right = await signIn(phone, '2468', '198.51.100.21');
    expect(right.statusCode).toBe(200);
    const device = right.json<Session>().device.id;

    const entries = (await entriesOf(session.tenant.id)).slice(2);
    expect(entries.map((entry) => entry.action)).toEqual(['auth.sign_in_failed', 'device.registered', 'auth.sign_in']);
    expect(entries[0]).toMatchObject({
      seq: 3,
      actorUserId: session.user.id,
      actorDeviceId: null,
      ip: '198.51.100.20',
      userAgent: USER_AGENT,
      details: { reason: 'wrong_pin' },
    });
    for (const entry of entries.slice(1)) {
      expect(entry).toMatchObject({ actorUserId: session.user.id, actorDeviceId: device, ip: '198.51.100.21' });
    }
    expect(await verify(session.tenant.id)).toEqual({ entries: 5, firstBroken: null });
  });

  it('AU4: a sign-in with an unknown phone records nothing (no shop to record it in)', async () => {
    const deviceId = randomUUID();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { phone: randomPhone(), pin: '2468', deviceId },
    });
    expect(response.statusCode).toBe(401);
    const [row] = await db.asSystem((tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(sql`${auditLog.details}->>'deviceId' = ${deviceId}`),
    );
    expect(row?.n).toBe(0);
  });
});

describe(`the audit chain on ${TEST_DB_KIND}`, () => {
  it('AU2: concurrent appends of one tenant queue on its head: numbers 1..n without gaps, chain intact', async () => {
    const { session } = await register('203.0.113.11');
    await appendConcurrently(session.tenant.id, 20);
    const entries = await entriesOf(session.tenant.id);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 22 }, (_, index) => index + 1));
    for (const [index, entry] of entries.entries()) {
      if (index > 0) expect(entry.previousHash).toBe(entries[index - 1]?.hash);
    }
    const [head] = await db.withTenant(session.tenant.id, (tx) =>
      tx.select().from(auditHeads).where(eq(auditHeads.tenantId, session.tenant.id)),
    );
    expect(head).toMatchObject({ seq: 22, hash: entries.at(-1)?.hash });
    expect(await verify(session.tenant.id)).toEqual({ entries: 22, firstBroken: null });
  });

  it('AU1: an entry commits with the change it records: a rolled-back one leaves no entry and no gap', async () => {
    const { session } = await register('203.0.113.12');
    const rollback = new Error('rollback');
    await expect(
      db.withTenant(session.tenant.id, async (tx) => {
        await recordAudit(tx, { tenantId: session.tenant.id, action: 'user.disabled' });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    await db.withTenant(session.tenant.id, (tx) =>
      recordAudit(tx, { tenantId: session.tenant.id, action: 'user.created' }),
    );
    const entries = await entriesOf(session.tenant.id);
    expect(entries.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'shop.registered'],
      [2, 'device.registered'],
      [3, 'user.created'],
    ]);
  });

  it('AU1: the database refuses to update, delete or truncate audit entries', async () => {
    const { session } = await register('203.0.113.13');
    const tenant = session.tenant.id;
    const refusedUpdate = await refusal(sql`UPDATE audit_log SET action = 'x' WHERE tenant_id = ${tenant}::uuid`);
    expect(refusedUpdate).toContain('audit_log is append-only: UPDATE refused');
    const refusedDelete = await refusal(sql`DELETE FROM audit_log WHERE tenant_id = ${tenant}::uuid`);
    expect(refusedDelete).toContain('audit_log is append-only: DELETE refused');
    // Refused even when it would touch no row.
    expect(await refusal(sql`DELETE FROM audit_log WHERE false`)).toContain('audit_log is append-only');
    expect(await refusal(sql`TRUNCATE audit_log`)).toContain('audit_log is append-only: TRUNCATE refused');
    expect(await entriesOf(tenant)).toHaveLength(2);
  });

  it('AU1: the app role is refused by its grants before the trigger, even on its own tenant', async () => {
    const { session } = await register('203.0.113.15');
    const tenant = session.tenant.id;
    for (const statement of [
      sql`UPDATE audit_log SET action = 'x' WHERE tenant_id = ${tenant}::uuid`,
      sql`DELETE FROM audit_log WHERE tenant_id = ${tenant}::uuid`,
      sql`TRUNCATE audit_log`,
    ]) {
      expect(await refusal(statement, tenant)).toContain('permission denied for table audit_log');
    }
    expect(await entriesOf(tenant)).toHaveLength(2);
  });
});

describe(`verifying the audit chain on ${TEST_DB_KIND}`, () => {
  async function tenantWithEntries(count: number) {
    const { session } = await register('203.0.113.14');
    for (let index = 0; index < count; index++) {
      await db.withTenant(session.tenant.id, (tx) =>
        recordAudit(tx, { tenantId: session.tenant.id, action: 'user.role_changed', details: { index } }),
      );
    }
    return session.tenant.id;
  }

  it('AU5: names the entry whose content was changed behind the trigger (hash)', async () => {
    const tenant = await tenantWithEntries(4);
    await tamper(sql`UPDATE audit_log SET details = '{"index": 99}' WHERE tenant_id = ${tenant}::uuid AND seq = 4`);
    expect(await verify(tenant)).toEqual({ entries: 6, firstBroken: { seq: 4, reason: 'hash' } });
  });

  it('AU5: a change whose hash was recomputed without the server key fails its signature', async () => {
    const tenant = await tenantWithEntries(3);
    const [entry] = (await entriesOf(tenant)).filter((row) => row.seq === 3);
    if (!entry) throw new Error('no entry 3');
    const forged = { ...entry, userAgent: 'someone else' };
    const hash = auditEntryHash(forged);
    await tamper(
      sql`UPDATE audit_log SET user_agent = 'someone else', hash = ${hash} WHERE tenant_id = ${tenant}::uuid AND seq = 3`,
    );
    expect(await verify(tenant)).toEqual({
      entries: 5,
      firstBroken: { seq: 3, reason: 'signature' },
    });
  });

  it('AU5: an entry re-signed with the key but not following its predecessor breaks at previous', async () => {
    const tenant = await tenantWithEntries(2);
    const [entry] = (await entriesOf(tenant)).filter((row) => row.seq === 2);
    if (!entry) throw new Error('no entry 2');
    const moved = { ...entry, previousHash: 'a'.repeat(64) };
    const hash = auditEntryHash(moved);
    const signature = createAuditSigner(await signerKey()).sign({ tenantId: tenant, seq: 2, hash });
    await tamper(
      sql`UPDATE audit_log SET previous_hash = ${moved.previousHash}, hash = ${hash}, signature = ${signature}
          WHERE tenant_id = ${tenant}::uuid AND seq = 2`,
    );
    expect(await verify(tenant)).toEqual({
      entries: 4,
      firstBroken: { seq: 2, reason: 'previous' },
    });
  });

  it('AU5: a removed entry is a gap, in the middle or at the end', async () => {
    const middle = await tenantWithEntries(3);
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${middle}::uuid AND seq = 3`);
    expect(await verify(middle)).toEqual({ entries: 4, firstBroken: { seq: 3, reason: 'gap' } });

    const end = await tenantWithEntries(3);
    await tamper(sql`DELETE FROM audit_log WHERE tenant_id = ${end}::uuid AND seq >= 4`);
    expect(await verify(end)).toEqual({ entries: 3, firstBroken: { seq: 4, reason: 'gap' } });
  });

  it('AU5: a chain that does not end at its head is broken there', async () => {
    const tenant = await tenantWithEntries(1);
    await db.asSystem((tx) =>
      tx
        .update(auditHeads)
        .set({ hash: 'b'.repeat(64) })
        .where(eq(auditHeads.tenantId, tenant)),
    );
    expect(await verify(tenant)).toEqual({ entries: 3, firstBroken: { seq: 3, reason: 'head' } });
  });

  it('AU5: audit:verify prints one line per tenant and exits 1 when a chain is broken', async () => {
    const intact = await tenantWithEntries(1);
    const broken = await tenantWithEntries(2);
    await tamper(sql`UPDATE audit_log SET ip = '10.0.0.1' WHERE tenant_id = ${broken}::uuid AND seq = 2`);
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);

    expect(await db.asSystem((tx) => runAuditVerify(tx, [intact], print))).toBe(0);
    expect(await db.asSystem((tx) => runAuditVerify(tx, [intact, broken.toUpperCase()], print))).toBe(1);
    const unknown = randomUUID();
    expect(await db.asSystem((tx) => runAuditVerify(tx, [unknown], print))).toBe(1);
    expect(await db.asSystem((tx) => runAuditVerify(tx, ['nope'], print))).toBe(2);
    expect(lines).toEqual([
      `tenant ${intact}: 3 entries, chain intact`,
      `tenant ${intact}: 3 entries, chain intact`,
      `tenant ${broken}: 4 entries, first broken link at seq 2 (its hash does not match its content)`,
      `tenant ${unknown}: not found`,
      'not a tenant id: nope',
    ]);
  });
});
