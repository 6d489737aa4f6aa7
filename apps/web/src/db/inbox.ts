import type { Conflict } from '@opentill/domain';
import { db, type LocalSale, type LocalStockException } from './database';
import { stockShownHere } from './stock';
import { openStockExceptions } from './stockExceptions';

export type StaleEditConflict = Extract<Conflict, { kind: 'STALE_EDIT' }>;
export type OutOfStockConflict = Extract<Conflict, { kind: 'OUT_OF_STOCK' }>;
export type RefundExceedsConflict = Extract<Conflict, { kind: 'REFUND_EXCEEDS_SALE' }>;

/**
 * One thing in the Conflicts inbox, waiting for a person: a product edited on two
 * phones (STALE_EDIT), a sale of this phone the server refused for lack of stock
 * (OUT_OF_STOCK, with the sale as kept here), a refund of this phone larger than
 * what is left of its sale (REFUND_EXCEEDS_SALE, with the products' names), or an
 * open stock exception of the branch (OVERSELL, with the figure this phone shows
 * for the product). `at` orders the inbox, newest first.
 */
export type InboxItem =
  | { kind: 'STALE_EDIT'; opId: string; conflict: StaleEditConflict; at: string }
  | { kind: 'OUT_OF_STOCK'; opId: string; conflict: OutOfStockConflict; sale: LocalSale | undefined; at: string }
  | {
      kind: 'REFUND_EXCEEDS_SALE';
      opId: string;
      conflict: RefundExceedsConflict;
      names: ReadonlyMap<string, string>;
      at: string;
    }
  | { kind: 'OVERSELL'; exception: LocalStockException; shownStock: number; at: string };

export async function inboxItems(): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (const { opId, conflict, receivedAt: at } of await db.conflicts.toArray()) {
    if (conflict.kind === 'STALE_EDIT') items.push({ kind: 'STALE_EDIT', opId, conflict, at });
    else if (conflict.kind === 'OUT_OF_STOCK') {
      items.push({ kind: 'OUT_OF_STOCK', opId, conflict, sale: await db.sales.get(conflict.recordId), at });
    } else {
      const products = await db.products.bulkGet(conflict.excess.map((entry) => entry.productId));
      const names = new Map(products.flatMap((product) => (product ? [[product.id, product.name] as const] : [])));
      items.push({ kind: 'REFUND_EXCEEDS_SALE', opId, conflict, names, at });
    }
  }
  const exceptions = await openStockExceptions();
  const shown = exceptions.length > 0 ? await stockShownHere() : new Map<string, number>();
  for (const exception of exceptions) {
    const shownStock = shown.get(exception.productId) ?? 0;
    items.push({ kind: 'OVERSELL', exception, shownStock, at: exception.createdAt });
  }
  return items.sort((a, b) => b.at.localeCompare(a.at));
}
