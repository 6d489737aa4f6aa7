import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { AUDIT_GENESIS_HASH, type AuditEntryContent } from '@opentill/domain';
import { queryRows, type Executor, type Transaction } from '../db/client.js';
import { auditHeads, auditLog, serverMeta, tenants } from '../db/schema.js';

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
