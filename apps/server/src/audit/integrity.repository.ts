import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { devices, integrityAlerts, sales, serverMeta, users } from '../db/schema.js';

export type AlertKind = 'gap' | 'break' | 'fork' | 'unauthorized';

export interface ChainRow {
  id: string;
  chainSeq: number;
  hash: string | null;
  previousHash: string | null;
}

export interface NewAlert {
  tenantId: string;
  deviceId: string;
  kind: AlertKind;
  chainSeq: number;
  details: Record<string, unknown>;
}

/**
 * The device's sales at these places in its chain, other than `known` (the
 * caller has them), and the places among them with an open gap alert, in one query.
 */
export async function chainAround(
  tx: Executor,
  deviceId: string,
  places: number[],
  known: string[],
): Promise<{ sales: ChainRow[]; openGaps: Set<number> }> {
  if (places.length === 0) return { sales: [], openGaps: new Set() };
  const rows = await queryRows<{
    id: string | null;
    chain_seq: number;
    hash: string | null;
    previous_hash: string | null;
  }>(
    tx,
    sql`SELECT id, chain_seq, hash, previous_hash FROM ${sales}
        WHERE device_id = ${deviceId}::uuid AND chain_seq = ANY(${sql.param(places)}::int[])
          AND id <> ALL(${sql.param(known)}::uuid[])
        UNION ALL
        SELECT NULL, chain_seq, NULL, NULL FROM ${integrityAlerts}
        WHERE device_id = ${deviceId}::uuid AND kind = 'gap' AND resolved_at IS NULL
          AND chain_seq = ANY(${sql.param(places)}::int[])`,
  );
  const found: ChainRow[] = [];
  const openGaps = new Set<number>();
  for (const row of rows) {
    if (row.id === null) openGaps.add(row.chain_seq);
    else found.push({ id: row.id, chainSeq: row.chain_seq, hash: row.hash, previousHash: row.previous_hash });
  }
  return { sales: found, openGaps };
}

export async function insertAlerts(tx: Executor, alerts: NewAlert[]): Promise<void> {
  if (alerts.length > 0) await tx.insert(integrityAlerts).values(alerts);
}

/** Closes the open gap alerts of these places once their sales have arrived. */
export async function resolveGaps(tx: Executor, deviceId: string, places: number[], now: Date): Promise<void> {
  if (places.length === 0) return;
  await tx
    .update(integrityAlerts)
    .set({ resolvedAt: now })
    .where(
      and(
        eq(integrityAlerts.deviceId, deviceId),
        eq(integrityAlerts.kind, 'gap'),
        isNull(integrityAlerts.resolvedAt),
        inArray(integrityAlerts.chainSeq, places),
      ),
    );
}

export async function readMeta(db: Executor, key: string): Promise<string | undefined> {
  const [row] = await db.select({ value: serverMeta.value }).from(serverMeta).where(eq(serverMeta.key, key));
  return row?.value;
}

export async function insertMetaIfAbsent(db: Executor, key: string, value: string): Promise<void> {
  await db.insert(serverMeta).values({ key, value }).onConflictDoNothing();
}

/** The tenant's open alerts with the sale each names (when the server holds it), newest first. */
export async function listOpenAlerts(db: Executor, tenantId: string, limit: number) {
  return db
    .select({
      id: integrityAlerts.id,
      kind: integrityAlerts.kind,
      chainSeq: integrityAlerts.chainSeq,
      deviceId: integrityAlerts.deviceId,
      deviceName: devices.name,
      details: integrityAlerts.details,
      createdAt: integrityAlerts.createdAt,
      saleLocalId: sales.localId,
      saleTotal: sales.totalAmount,
      saleCreatedAt: sales.createdAt,
      saleBy: users.name,
    })
    .from(integrityAlerts)
    .leftJoin(devices, eq(devices.id, integrityAlerts.deviceId))
    .leftJoin(
      sales,
      and(eq(sales.tenantId, integrityAlerts.tenantId), sql`${sales.id}::text = ${integrityAlerts.details}->>'saleId'`),
    )
    .leftJoin(users, eq(users.id, sales.userId))
    .where(and(eq(integrityAlerts.tenantId, tenantId), isNull(integrityAlerts.resolvedAt)))
    .orderBy(desc(integrityAlerts.createdAt))
    .limit(limit);
}

/** Closes an open alert of this tenant; returns it (with the sale it names), or nothing when there is none open. */
export async function resolveAlert(db: Executor, tenantId: string, id: string, now: Date) {
  const [row] = await db
    .update(integrityAlerts)
    .set({ resolvedAt: now })
    .where(and(eq(integrityAlerts.id, id), eq(integrityAlerts.tenantId, tenantId), isNull(integrityAlerts.resolvedAt)))
    .returning({ kind: integrityAlerts.kind, deviceId: integrityAlerts.deviceId, details: integrityAlerts.details });
  return row;
}
