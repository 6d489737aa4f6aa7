import { useCallback } from 'react';
import { compareFefo, type PulledBatch } from '@opentill/domain';
import { db } from './database';
import { useLiveValue } from './live';

/** A product's batches at this branch, first expiry first (BT3): what the stock screen lists. */
export async function batchesOfProduct(productId: string): Promise<PulledBatch[]> {
  const batches = await db.batches.where('productId').equals(productId).toArray();
  return batches.sort(compareFefo);
}

/** A product's batches at this branch, live. */
export function useLiveBatchesOf(productId: string): PulledBatch[] | undefined {
  return useLiveValue(useCallback(() => batchesOfProduct(productId), [productId]));
}
