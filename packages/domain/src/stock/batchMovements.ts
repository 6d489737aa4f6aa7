import { refuseBatch, type Batch, type BatchRefusal, type ReceiveBatch } from './batches.js';
import { isExpired } from './expiry.js';
import type { Allocation } from './fefo.js';
import type { LedgerEntry } from './ledger.js';
import type { AdjustmentReason } from './stock.js';

/**
 * Ledger entries for the movements of batched stock at one branch. Each builder
 * refuses what would break a rule before anything is written; applying its
 * entries (applyEntries) then never takes a batch below zero.
 */

interface Place {
  branchId: string;
  productId: string;
  /** The sale, refund, receipt or adjustment the entries belong to. */
  ref: string;
}

/**
 * A kept sale's entries: one per batch taken, and its shortfall (kept under the
 * `flag` policy, ST4) on no batch, so the product's figure goes below zero while
 * no batch does (BT6). Under `reject` a sale with a shortfall is refused and
 * writes nothing.
 */
export function saleEntries(place: Place, taken: { allocations: readonly Allocation[]; shortfall: number }) {
  return movedEntries('sale', -1, place, taken.allocations, taken.shortfall);
}

/** A restocked refund's entries (returnToBatches): its excess goes back to no batch, undoing a shortfall. */
export function refundEntries(place: Place, returned: { allocations: readonly Allocation[]; excess: number }) {
  return movedEntries('refund', 1, place, returned.allocations, returned.excess);
}

function movedEntries(
  kind: 'sale' | 'refund',
  sign: -1 | 1,
  { branchId, productId, ref }: Place,
  allocations: readonly Allocation[],
  unbatched: number,
): LedgerEntry[] {
  const entries: LedgerEntry[] = allocations
    .filter((allocation) => allocation.quantity > 0)
    .map(({ batchId, quantity }) => ({ kind, productId, branchId, batchId, delta: sign * quantity, ref }));
  if (unbatched > 0) entries.push({ kind, productId, branchId, batchId: null, delta: sign * unbatched, ref });
  return entries;
}

export interface Received {
  ok: true;
  /** A new batch (on hand 0) to add before applying `entries`; null when topping up. */
  created: Batch | null;
  entries: LedgerEntry[];
}

/**
 * Stock received with lot and expiry (BT8). It tops up the branch's batch of
 * the same product, lot and expiry, or creates one with `newBatchId`. Refused: a
 * lot already expired (it goes back to the supplier, never onto the shelf); a
 * named batch the branch does not hold; a lot the branch holds only with another
 * expiry date, or a named batch whose lot or expiry differ (a lot has one expiry:
 * the mismatch is a typing error to fix, not a second batch).
 */
export function receiveBatch(
  batches: readonly Batch[],
  branchId: string,
  input: Pick<ReceiveBatch, 'productId' | 'quantity' | 'lot' | 'expiresOn' | 'batchId'>,
  today: string,
  newBatchId: string,
  ref: string,
): Received | BatchRefusal {
  const { productId, quantity, lot, expiresOn, batchId } = input;
  if (isExpired({ expiresOn }, today)) return refuseBatch('BATCH_EXPIRED', batchId ?? null);
  const held = batches.filter((batch) => batch.branchId === branchId && batch.productId === productId);
  if (batchId !== undefined) {
    const named = held.find((batch) => batch.id === batchId);
    if (!named) return refuseBatch('BATCH_UNKNOWN', batchId);
    if (named.lot !== lot || named.expiresOn !== expiresOn) return refuseBatch('LOT_EXPIRY_MISMATCH', batchId);
  }
  const sameLot = held.filter((batch) => batch.lot === lot);
  const existing = sameLot.find((batch) => batch.expiresOn === expiresOn);
  if (!existing && sameLot[0]) return refuseBatch('LOT_EXPIRY_MISMATCH', sameLot[0].id);
  const batch = existing ?? { id: newBatchId, productId, branchId, lot, expiresOn, onHand: 0 };
  return {
    ok: true,
    created: existing ? null : batch,
    entries: [{ kind: 'receipt', productId, branchId, batchId: batch.id, delta: quantity, ref }],
  };
}

/** A correction of a batch by `delta` units with its reason; never below zero. */
export function adjustBatch(
  batch: Batch,
  delta: number,
  reason: AdjustmentReason,
  ref: string,
): { ok: true; entry: LedgerEntry } | BatchRefusal {
  if (!Number.isInteger(delta) || delta === 0) throw new RangeError('an adjustment moves a whole number of units ≠ 0');
  if (batch.onHand + delta < 0) return refuseBatch('BATCH_INSUFFICIENT', batch.id);
  const { productId, branchId, id: batchId } = batch;
  return { ok: true, entry: { kind: 'adjustment', productId, branchId, batchId, delta, ref, reason } };
}

/**
 * A count of a batch: the entry that brings the figure to what was counted
 * (counted − on hand), or null when they agree. The count says what is there;
 * the ledger keeps how the figure got there.
 */
export function countBatch(batch: Batch, counted: number, ref: string): LedgerEntry | null {
  if (!Number.isInteger(counted) || counted < 0) throw new RangeError('a count is a whole number ≥ 0');
  const delta = counted - batch.onHand;
  if (delta === 0) return null;
  return { kind: 'count', productId: batch.productId, branchId: batch.branchId, batchId: batch.id, delta, ref };
}

/** Writes off every expired batch's units (adjustment `expired`): the shelf clean-up the expiry alert asks for. */
export function writeOffExpired(batches: readonly Batch[], today: string, ref: string): LedgerEntry[] {
  return batches
    .filter((batch) => batch.onHand > 0 && isExpired(batch, today))
    .map((batch) => ({
      kind: 'adjustment',
      productId: batch.productId,
      branchId: batch.branchId,
      batchId: batch.id,
      delta: -batch.onHand,
      ref,
      reason: 'expired',
    }));
}
