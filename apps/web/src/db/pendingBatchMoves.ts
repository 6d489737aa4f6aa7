import type { PulledBatch } from '@opentill/domain';
import { db } from './database';

/**
 * Batches as this phone sees them: the pulled figures with its own pending batch adjustments on top (an
 * expired lot written off offline leaves the list, the alerts and the till's expiry check at once).
 */
export async function withPendingBatchMoves(batches: readonly PulledBatch[]): Promise<PulledBatch[]> {
  const queued = await db.outbox.where('status').equals('pending').toArray();
  const moves = new Map<string, number>();
  for (const operation of queued) {
    if (operation.type !== 'ADJUST_STOCK' || operation.data.batchId === undefined) continue;
    moves.set(operation.data.batchId, (moves.get(operation.data.batchId) ?? 0) + operation.data.delta);
  }
  if (moves.size === 0) return [...batches];
  return batches.map((batch) => {
    const moved = moves.get(batch.id);
    return moved === undefined ? batch : { ...batch, onHand: Math.max(0, batch.onHand + moved) };
  });
}
