import { adjustStockSchema, type AdjustStock, type PulledBatch } from '@opentill/domain';
import { db } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { withPendingBatchMoves } from './pendingBatchMoves';

/**
 * "Adjust stock" (SPEC ST, BT): units damaged, expired, stolen or corrected, optionally of one batch, queued
 * as ADJUST_STOCK in ONE strict transaction, offline too. A batch's figure on this phone is the server's as
 * last pulled, so taking more than it holds is refused here as the server would (OT_ERR_BATCH_INSUFFICIENT).
 */
export async function adjustStock(adjustment: AdjustStock): Promise<void> {
  const parsed = adjustStockSchema.safeParse(adjustment);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const data = parsed.data;
  await db.transaction('rw', [db.batches, db.stock, db.outbox, db.meta], async () => {
    if (data.batchId !== undefined) {
      const batch = await db.batches.get(data.batchId);
      const [held] = batch ? await withPendingBatchMoves([batch]) : [];
      if (!held || held.productId !== data.productId || held.onHand + data.delta < 0) {
        throw new InvalidRecordError(['The batch does not hold that many units.']);
      }
    }
    await enqueueOperation({ type: 'ADJUST_STOCK', localId: crypto.randomUUID(), data });
  });
}

/** The batch's whole remaining units written off as expired (BT2: they may never be sold). */
export function writeOffBatch(batch: Pick<PulledBatch, 'id' | 'productId' | 'onHand'>): Promise<void> {
  return adjustStock({ productId: batch.productId, delta: -batch.onHand, reason: 'expired', batchId: batch.id });
}
