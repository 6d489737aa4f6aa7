import { useCallback } from 'react';
import { compareFefo, type PulledBatch } from '@opentill/domain';
import { db } from './database';
import { useLiveValue } from './live';
import { withPendingBatchMoves } from './pendingBatchMoves';

/** A product's batches at this branch (with this phone's pending adjustments), first expiry first (BT3). */
export async function batchesOfProduct(productId: string): Promise<PulledBatch[]> {
  const batches = await withPendingBatchMoves(await db.batches.where('productId').equals(productId).toArray());
  return batches.sort(compareFefo);
}

/** A product's batches at this branch, live. */
export function useLiveBatchesOf(productId: string): PulledBatch[] | undefined {
  return useLiveValue(useCallback(() => batchesOfProduct(productId), [productId]));
}
