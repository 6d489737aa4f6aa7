import { receiveBatch, shopDateOf } from '@opentill/domain';
import { db } from './database';
import { enqueueOperation } from './enqueue';
import { BatchRefusedError } from './errors';
import { checkedReceipt } from './stock';

// Apart from stock.ts (on the till's first screen): deliveries are made on the Products screen.

/** A delivery's lot and expiry (BT8); null expiry: goods that do not expire. */
export interface ReceivedLot {
  lot: string;
  expiresOn: string | null;
}

/**
 * Queues a delivery of `quantity` units (RECEIVE_STOCK) in ONE strict
 * transaction; with a lot, into that batch; with `purchaseOrderId`, against that
 * order (SPEC PO5: the server counts it on the order when the push arrives). The lot is checked here as the
 * server will (BT8), offline too: an expired lot, or a lot this branch holds
 * with another expiry date, is refused before anything is queued.
 */
export async function receiveStock(
  productId: string,
  quantity: number,
  lot: ReceivedLot | null = null,
  purchaseOrderId?: string,
): Promise<void> {
  const data = checkedReceipt({ productId, quantity, ...lot, ...(purchaseOrderId ? { purchaseOrderId } : {}) });
  await db.transaction('rw', [db.outbox, db.meta, db.batches], async () => {
    if (lot) {
      // The phone holds only its own branch's batches: one branch, named '' here.
      const here = '';
      const held = (await db.batches.where('productId').equals(productId).toArray()).map((batch) => ({
        ...batch,
        branchId: here,
      }));
      const checked = receiveBatch(held, here, { ...lot, productId, quantity }, shopDateOf(new Date()), '', '');
      if (!checked.ok) throw new BatchRefusedError(checked.reason);
    }
    await enqueueOperation({ type: 'RECEIVE_STOCK', localId: crypto.randomUUID(), data });
  });
}
