import { checkSale, createSaleOperationSchema, saleSchema, type Sale } from '@opentill/domain';
import { db, type LocalSale, type OutboxEntry } from './database';
import { InvalidRecordError } from './errors';
import { META_KEYS, takeNextSeq } from './meta';

/**
 * Records a completed sale: the sale, its CREATE_SALE outbox operation (with the
 * next sequence number) and the emptied cart, all in ONE transaction. Either all
 * of it is on disk when the promise resolves, or none of it is (ARCHITECTURE
 * "Sync" 1). Only then may the UI say "Paid". An invalid sale writes nothing.
 */
export async function recordSale(sale: Sale): Promise<LocalSale> {
  const parsed = saleSchema.safeParse(sale);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const problems = checkSale(parsed.data);
  if (problems.length > 0) throw new InvalidRecordError(problems);
  const valid = parsed.data;

  return db.transaction('rw', [db.sales, db.outbox, db.meta], async () => {
    const seq = await takeNextSeq();
    const operation = createSaleOperationSchema.parse({
      opId: crypto.randomUUID(),
      seq,
      type: 'CREATE_SALE',
      localId: valid.localId,
      data: valid,
    });
    const local: LocalSale = { ...valid, syncState: 'pending' };
    const entry: OutboxEntry = { ...operation, status: 'pending', attempts: 0, createdAt: new Date().toISOString() };
    await db.sales.add(local);
    await db.outbox.add(entry);
    await db.meta.delete(META_KEYS.cart);
    return local;
  });
}

export async function getSale(localId: string): Promise<LocalSale | undefined> {
  return db.sales.get(localId);
}

/** Most recent sales first (today's takings, reprints). */
export async function listRecentSales(limit = 50): Promise<LocalSale[]> {
  return db.sales.orderBy('createdAt').reverse().limit(limit).toArray();
}
