import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  AUDIT_GENESIS_HASH,
  SECURITY_ALERT_ACTIONS,
  isAuditAreaFilter,
  type AuditEntryContent,
  type AuditLogEntry,
  type AuditQuery,
} from '@opentill/domain';
import { queryRows, type Executor, type Transaction } from '../db/client.js';
import { auditHeads, auditLog, devices, serverMeta, tenants, users } from '../db/schema.js';

export interface AuditRow extends AuditEntryContent {
  hash: string;
  signature: string;
  signatureKeyId: string;
}

export interface AuditPlace {
  seq: number;
  previousHash: string;
  /** The server's signing key as stored (`<keyId>:<secret>`), read in the same statement. */
  signingKey: string | undefined;
}

/**
 * Takes the tenant's next place in its chain: bumps its head row (made at seq 1
 * on the first append) and returns the new number with the hash before it, plus
 * the signing key. The bump locks the head row until the transaction ends, so a
 * concurrent append of the tenant waits here and then sees this one's head.
 */
export async function takeAuditPlace(tx: Transaction, tenantId: string, keyName: string): Promise<AuditPlace> {
  const [row] = await queryRows<{ seq: string | number; hash: string; signing_key: string | null }>(
    tx,
    sql`WITH head AS (
          INSERT INTO ${auditHeads} (tenant_id, seq, hash) VALUES (${tenantId}::uuid, 1, ${AUDIT_GENESIS_HASH})
          ON CONFLICT (tenant_id) DO UPDATE SET seq = ${auditHeads}.seq + 1
          RETURNING seq, hash)
        SELECT head.seq, head.hash, (SELECT value FROM ${serverMeta} WHERE key = ${keyName}) AS signing_key
        FROM head`,
  );
  if (!row) throw new Error('audit head upsert returned nothing');
  return { seq: Number(row.seq), previousHash: row.hash, signingKey: row.signing_key ?? undefined };
}

/** Stores the entry and moves its tenant's head to its hash, in one statement. */
export async function insertAuditEntry(tx: Transaction, row: AuditRow): Promise<void> {
  await tx.execute(
    sql`WITH entry AS (
          INSERT INTO ${auditLog} (tenant_id, seq, at, action, actor_user_id, actor_device_id, ip, user_agent,
            details, previous_hash, hash, signature, signature_key_id)
          VALUES (${row.tenantId}::uuid, ${row.seq}, ${row.at.toISOString()}::timestamptz, ${row.action},
            ${row.actorUserId}::uuid, ${row.actorDeviceId}::uuid, ${row.ip}, ${row.userAgent},
            ${JSON.stringify(row.details)}::jsonb, ${row.previousHash}, ${row.hash}, ${row.signature},
            ${row.signatureKeyId})
          RETURNING tenant_id, hash)
        UPDATE ${auditHeads} SET hash = entry.hash FROM entry WHERE ${auditHeads}.tenant_id = entry.tenant_id`,
  );
}

/** Up to `limit` of the tenant's entries after `afterSeq`, in chain order. */
export async function readAuditEntries(
  db: Executor,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select({
      tenantId: auditLog.tenantId,
      seq: auditLog.seq,
      previousHash: auditLog.previousHash,
      at: auditLog.at,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorDeviceId: auditLog.actorDeviceId,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      details: auditLog.details,
      hash: auditLog.hash,
      signature: auditLog.signature,
      signatureKeyId: auditLog.signatureKeyId,
    })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, afterSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}

export async function readAuditHead(db: Executor, tenantId: string) {
  const [row] = await db
    .select({ seq: auditHeads.seq, hash: auditHeads.hash })
    .from(auditHeads)
    .where(eq(auditHeads.tenantId, tenantId));
  return row;
}

/** Tenant ids in the order the shops were made; only `among` when given. */
export async function listTenantIds(db: Executor, among?: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(among ? inArray(tenants.id, among) : undefined)
    .orderBy(asc(tenants.createdAt), asc(tenants.id));
  return rows.map((row) => row.id);
}

/** The query's conditions on a tenant's entries; the action filter's format rules out LIKE wildcards. */
function readerConditions(tenantId: string, query: AuditQuery): SQL | undefined {
  const { action, userId, from, to, before } = query;
  return and(
    eq(auditLog.tenantId, tenantId),
    action === undefined
      ? undefined
      : isAuditAreaFilter(action)
        ? like(auditLog.action, `${action}%`)
        : eq(auditLog.action, action),
    userId === undefined ? undefined : eq(auditLog.actorUserId, userId),
    from === undefined ? undefined : gte(auditLog.at, from),
    to === undefined ? undefined : lte(auditLog.at, to),
    before === undefined ? undefined : lt(auditLog.seq, before),
  );
}

/**
 * Up to `limit` of the tenant's entries matching the query, newest (highest seq)
 * first, with the actor's and the device's names.
 */
export async function listAuditPage(db: Executor, tenantId: string, query: AuditQuery, limit: number) {
  return entriesWhere(db, readerConditions(tenantId, query), limit);
}

/**
 * The tenant's security events after `afterSeq` (SPEC AU7), newest first: every
 * sign-in of a new phone, and the lockouts and token reuse; a device's wrong PIN
 * only when it locked the person out.
 */
export async function listSecurityAlerts(db: Executor, tenantId: string, afterSeq: number, limit: number) {
  const actions = SECURITY_ALERT_ACTIONS.filter((action) => action !== 'auth.pin_failed');
  return entriesWhere(
    db,
    and(
      eq(auditLog.tenantId, tenantId),
      gt(auditLog.seq, afterSeq),
      or(
        inArray(auditLog.action, actions),
        and(eq(auditLog.action, 'auth.pin_failed'), sql`${auditLog.details}->>'lockedOut' = 'true'`),
      ),
    ),
    limit,
  );
}

/**
 * Entries matching `where`, newest first, with names. Walks the (tenant, seq) index
 * backwards; the joins name the tenant too, so a stray id never borrows a name.
 */
async function entriesWhere(db: Executor, where: SQL | undefined, limit: number): Promise<AuditLogEntry[]> {
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorDeviceId: auditLog.actorDeviceId,
      actorDeviceName: devices.name,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.actorUserId), eq(users.tenantId, auditLog.tenantId)))
    .leftJoin(devices, and(eq(devices.id, auditLog.actorDeviceId), eq(devices.tenantId, auditLog.tenantId)))
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map((row): AuditLogEntry => ({
    ...row,
    at: new Date(row.at).toISOString(),
    details: (row.details ?? {}) as Record<string, unknown>,
  }));
}

/** Whether any of the tenant's entries came from this address. */
export async function hasEntryFrom(db: Executor, tenantId: string, ip: string): Promise<boolean> {
  const [row] = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.ip, ip)))
    .limit(1);
  return row !== undefined;
}
