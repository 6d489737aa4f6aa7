import { checkSale, nextLink, saleContentSchema, type SaleContent } from '@opentill/domain';
import { getActingUser } from './actingUser';
import { db, type LocalSale } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { META_KEYS, getLastSaleLink } from './meta';

/**
 * Records a completed sale: the sale linked into this device's hash chain, its
 * CREATE_SALE outbox operation (with the lane's next seq), the new last link and
 * the emptied cart, all in ONE transaction. The sale keeps the acting user as its
 * cashier, the same person its operation's `actorId` names. Either all of it is on disk when the
 * promise resolves, or none of it is (ARCHITECTURE "Sync" 1). Only then may the
 * UI say "Paid". An invalid sale writes nothing.
 *
 * The chain hash covers exactly the schema-parsed content, which is what the
 * server re-parses and re-hashes. SHA-256 runs synchronously (nextLink), so the
 * transaction never awaits anything but the database.
 */
export async function recordSale(sale: SaleContent): Promise<LocalSale> {
  const parsed = saleContentSchema.safeParse(sale);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const problems = checkSale(parsed.data);
  if (problems.length > 0) throw new InvalidRecordError(problems);
  const content = parsed.data;

  return db.transaction('rw', [db.sales, db.outbox, db.meta], async () => {
    // Requests issued together, not one await each: every await inside the transaction is a round
    // trip to the database, and the cashier waits for all of them ("Pay" to receipt, issue 5).
    const [lastLink, actor] = await Promise.all([getLastSaleLink(), getActingUser()]);
    const chain = nextLink(content, lastLink);
    const linked = { ...content, chain };
    await enqueueOperation({ type: 'CREATE_SALE', localId: content.localId, data: linked });
    // The cashier stays beside the sale, outside `data`: the chain hash covers only what the server re-hashes.
    const local: LocalSale = {
      ...linked,
      syncState: 'pending',
      ...(actor ? { cashier: { userId: actor.userId, name: actor.name } } : {}),
    };
    await Promise.all([
      db.sales.add(local),
      db.meta.put({ key: META_KEYS.lastSaleLink, value: { seq: chain.seq, hash: chain.hash } }),
      db.meta.delete(META_KEYS.cart),
    ]);
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
