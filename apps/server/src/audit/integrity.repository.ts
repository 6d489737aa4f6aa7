import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { integrityAlerts, sales, serverMeta } from '../db/schema.js';

export type AlertKind = 'gap' | 'break' | 'fork';

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

/** The device's sales at these places in its chain, in one query. */
export async function salesAtPlaces(tx: Executor, deviceId: string, places: number[]): Promise<ChainRow[]> {
  if (places.length === 0) return [];
  const rows = await tx
    .select({ id: sales.id, chainSeq: sales.chainSeq, hash: sales.hash, previousHash: sales.previousHash })
    .from(sales)
    .where(and(eq(sales.deviceId, deviceId), inArray(sales.chainSeq, places)));
  return rows.flatMap((row) => (row.chainSeq === null ? [] : [{ ...row, chainSeq: row.chainSeq }]));
}

/** Places of the device that have an open gap alert, among these. */
export async function openGapsAt(tx: Executor, deviceId: string, places: number[]): Promise<Set<number>> {
  if (places.length === 0) return new Set();
  const rows = await tx
    .select({ chainSeq: integrityAlerts.chainSeq })
    .from(integrityAlerts)
    .where(
      and(
        eq(integrityAlerts.deviceId, deviceId),
        eq(integrityAlerts.kind, 'gap'),
        isNull(integrityAlerts.resolvedAt),
        inArray(integrityAlerts.chainSeq, places),
      ),
    );
  return new Set(rows.map((row) => row.chainSeq));
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

export async function listOpenAlerts(db: Executor, tenantId: string) {
  return db
    .select()
    .from(integrityAlerts)
    .where(and(eq(integrityAlerts.tenantId, tenantId), isNull(integrityAlerts.resolvedAt)))
    .orderBy(integrityAlerts.createdAt);
}

export async function readMeta(db: Executor, key: string): Promise<string | undefined> {
  const [row] = await db.select({ value: serverMeta.value }).from(serverMeta).where(eq(serverMeta.key, key));
  return row?.value;
}

export async function insertMetaIfAbsent(db: Executor, key: string, value: string): Promise<void> {
  await db.insert(serverMeta).values({ key, value }).onConflictDoNothing();
}
