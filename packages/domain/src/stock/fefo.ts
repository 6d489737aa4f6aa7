import { refuseBatch, type Batch, type BatchRefusal } from './batches.js';
import { compareFefo, isExpired } from './expiry.js';

/** Units a sale (or transfer) takes from one batch, or a refund puts back into it. */
export interface Allocation {
  batchId: string;
  quantity: number;
}

export interface FefoResult {
  ok: true;
  /** In the order taken: the pinned batch first, then earliest expiry first. */
  allocations: Allocation[];
  /** Units the sellable batches did not cover; the oversell policy decides (ST3/ST4, BT6). */
  shortfall: number;
}

export interface FefoOptions {
  /** A batch a pharmacist picked (with permission): taken from first when not expired (BT5). */
  pinnedBatchId?: string;
}

/**
 * The batches a sale of `quantity` units takes from (BT3): never an expired
 * one, earliest expiry first. `batches` are those of one product at one branch.
 * Nothing is taken below zero: what the batches cannot cover is the shortfall.
 */
export function allocateFefo(
  batches: readonly Batch[],
  quantity: number,
  today: string,
  options: FefoOptions = {},
): FefoResult | BatchRefusal {
  if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a whole number ≥ 0`);
  const sellable = batches.filter((batch) => !isExpired(batch, today)).sort(compareFefo);
  const { pinnedBatchId } = options;
  if (pinnedBatchId !== undefined) {
    const pinned = batches.find((batch) => batch.id === pinnedBatchId);
    if (!pinned) return refuseBatch('BATCH_UNKNOWN', pinnedBatchId);
    // Refused, not silently replaced: the pharmacist picked this pack and must see why it cannot go.
    if (isExpired(pinned, today)) return refuseBatch('BATCH_EXPIRED', pinnedBatchId);
    sellable.splice(sellable.indexOf(pinned), 1);
    sellable.unshift(pinned);
  }
  const allocations: Allocation[] = [];
  let left = quantity;
  for (const batch of sellable) {
    if (left === 0) break;
    const taken = Math.min(left, Math.max(batch.onHand, 0));
    if (taken === 0) continue;
    allocations.push({ batchId: batch.id, quantity: taken });
    left -= taken;
  }
  return { ok: true, allocations, shortfall: left };
}

export interface ReturnResult {
  ok: true;
  /** Units back into batches the sale took from. */
  allocations: Allocation[];
  /** Units beyond what the sale took from its batches (its shortfall): they go back to no batch. */
  excess: number;
}

export interface ReturnOptions {
  /** What earlier refunds of the same sale already put back. */
  returnedBefore?: readonly Allocation[];
  /** The lot read off the returned pack, when known: that batch first. */
  batchId?: string;
}

/**
 * Where a refund's `quantity` units go back (BT7): only into batches its sale
 * took from, each at most what the sale took less what earlier refunds returned,
 * in the order the sale took them. That order is earliest expiry first, so a
 * pack of unknown lot is never booked as fresher than it may be (a pinned sale's
 * pinned batch comes first: the pharmacist chose it). A batch that has expired
 * since takes its units back too (it is where they belong) and they stay unsellable.
 */
export function returnToBatches(
  taken: readonly Allocation[],
  quantity: number,
  options: ReturnOptions = {},
): ReturnResult | BatchRefusal {
  if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a whole number ≥ 0`);
  const room = new Map<string, number>();
  for (const { batchId, quantity: units } of taken) room.set(batchId, (room.get(batchId) ?? 0) + units);
  for (const { batchId, quantity: units } of options.returnedBefore ?? []) {
    room.set(batchId, (room.get(batchId) ?? 0) - units);
  }
  const order = [...room.keys()];
  if (options.batchId !== undefined) {
    if (!room.has(options.batchId)) return refuseBatch('BATCH_NOT_IN_SALE', options.batchId);
    order.splice(order.indexOf(options.batchId), 1);
    order.unshift(options.batchId);
  }
  const allocations: Allocation[] = [];
  let left = quantity;
  for (const batchId of order) {
    const units = Math.min(left, Math.max(room.get(batchId) ?? 0, 0));
    if (units === 0) continue;
    allocations.push({ batchId, quantity: units });
    left -= units;
  }
  return { ok: true, allocations, excess: left };
}
