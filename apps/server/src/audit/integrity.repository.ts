import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { integrityAlerts, sales, serverMeta } from '../db/schema.js';

export type AlertKind = 'gap' | 'break' | 'fork';

export interface ChainPlace {
  tenantId: string;
  deviceId: string;
  chainSeq: number;
}

/** Sales of a device at one place in its chain, other than `exceptId`. */
export async function salesAt(tx: Executor, place: ChainPlace, exceptId?: string) {
  return tx
    .select({ id: sales.id, hash: sales.hash, previousHash: sales.previousHash })
    .from(sales)
    .where(
      and(
        eq(sales.deviceId, place.deviceId),
        eq(sales.chainSeq, place.chainSeq),
        ...(exceptId ? [ne(sales.id, exceptId)] : []),
      ),
    );
}

export async function hasOpenAlert(tx: Executor, place: ChainPlace, kind: AlertKind): Promise<boolean> {
  const rows = await tx
    .select({ id: integrityAlerts.id })
    .from(integrityAlerts)
    .where(
      and(
        eq(integrityAlerts.deviceId, place.deviceId),
        eq(integrityAlerts.chainSeq, place.chainSeq),
        eq(integrityAlerts.kind, kind),
        isNull(integrityAlerts.resolvedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertAlert(
  tx: Executor,
  place: ChainPlace,
  kind: AlertKind,
  details: Record<string, unknown>,
): Promise<void> {
  await tx.insert(integrityAlerts).values({ ...place, kind, details });
}

/** Closes the open gap alert of a place once its sale has arrived. */
export async function resolveGap(tx: Executor, place: ChainPlace, now: Date): Promise<void> {
  await tx
    .update(integrityAlerts)
    .set({ resolvedAt: now })
    .where(
      and(
        eq(integrityAlerts.deviceId, place.deviceId),
        eq(integrityAlerts.chainSeq, place.chainSeq),
        eq(integrityAlerts.kind, 'gap'),
        isNull(integrityAlerts.resolvedAt),
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
