import { batchesOf, type Batch, type BatchRefusal } from './batches.js';
import { allocateFefo } from './fefo.js';
import type { LedgerEntry } from './ledger.js';
import type { Shortage } from './oversell.js';
import type { TransferLineRequest } from './transferSchemas.js';

/**
 * Transfers between branches (BT9): dispatched from one branch's batches
 * (FEFO, never expired), in transit in no branch's figure, received at the other
 * into batches of the same lot and expiry. Units that do not arrive are a
 * discrepancy for a manager to resolve, never silently lost.
 */

export const TRANSFER_STATUSES = ['in_transit', 'received', 'received_with_discrepancy'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * Units of one source batch on the way, with the lot and expiry the
 * destination's batch takes; `batchId` and `lot` null for units the source kept
 * without a batch (they arrive without one).
 */
export interface TransferLine {
  productId: string;
  batchId: string | null;
  lot: string | null;
  expiresOn: string | null;
  quantity: number;
}

export interface TransferDiscrepancy {
  /** Index into the transfer's lines. */
  line: number;
  productId: string;
  lot: string | null;
  expiresOn: string | null;
  sent: number;
  received: number;
  missing: number;
}

export interface Transfer {
  id: string;
  fromBranchId: string;
  toBranchId: string;
  dispatchedOn: string;
  status: TransferStatus;
  lines: TransferLine[];
  /** Units received per line; null while in transit. */
  received: number[] | null;
  discrepancies: TransferDiscrepancy[];
}

export const TRANSFER_REFUSAL_REASONS = [
  'SAME_BRANCH',
  /** The source's sellable batches do not hold a line's units (count first: the book must match the shelf). */
  'INSUFFICIENT_STOCK',
  /** Received already: a second receipt would count the units twice. */
  'TRANSFER_NOT_IN_TRANSIT',
  'RECEIVED_LINES_MISMATCH',
  /** More arrived than was sent: the extra units are booked by a receipt or adjustment, not by the transfer. */
  'RECEIVED_MORE_THAN_SENT',
  /** TR5: only a transfer received short has missing units to resolve. */
  'TRANSFER_NOT_SHORT',
] as const;
export type TransferRefusalReason = (typeof TRANSFER_REFUSAL_REASONS)[number];

export interface TransferRefusal {
  ok: false;
  reason: TransferRefusalReason;
  shortages: Shortage[];
}

function refuseTransfer(reason: TransferRefusalReason, shortages: Shortage[] = []): TransferRefusal {
  return { ok: false, reason, shortages };
}

/**
 * Sends stock: each requested line is taken FEFO (or from its named batch) from
 * the source's batches as the lines before it left them, one `transfer_out`
 * entry per batch, and what the batches do not cover from the units the source
 * keeps without a batch (`unbatched`, per product: its figure less its batches).
 * Refused whole when any line is short, so a transfer never takes a batch or a
 * figure below zero nor sends an expired unit.
 */
export function dispatchTransfer(
  header: Pick<Transfer, 'id' | 'fromBranchId' | 'toBranchId'>,
  batches: readonly Batch[],
  requests: readonly TransferLineRequest[],
  today: string,
  unbatched: ReadonlyMap<string, number> = new Map(),
): { ok: true; transfer: Transfer; entries: LedgerEntry[] } | TransferRefusal | BatchRefusal {
  const { id, fromBranchId, toBranchId } = header;
  if (fromBranchId === toBranchId) return refuseTransfer('SAME_BRANCH');
  // A working copy, so each line takes from what the lines before it left.
  const left = new Map(batches.filter((b) => b.branchId === fromBranchId).map((b) => [b.id, { ...b }]));
  const loose = new Map(unbatched);
  const lines: TransferLine[] = [];
  const shortages: Shortage[] = [];
  for (const request of requests) {
    const { productId, quantity: requested } = request;
    const source = batchesOf([...left.values()], fromBranchId, productId);
    const pinned = request.batchId === undefined ? {} : { pinnedBatchId: request.batchId };
    const taken = allocateFefo(source, requested, today, pinned);
    if (!taken.ok) return taken;
    const looseHere = Math.max(loose.get(productId) ?? 0, 0);
    if (taken.shortfall > looseHere) {
      shortages.push({ productId, requested, available: requested - taken.shortfall + looseHere });
      continue;
    }
    for (const { batchId, quantity } of taken.allocations) {
      const batch = left.get(batchId) as Batch;
      batch.onHand -= quantity;
      lines.push({ productId, batchId, lot: batch.lot, expiresOn: batch.expiresOn, quantity });
    }
    if (taken.shortfall > 0) {
      loose.set(productId, looseHere - taken.shortfall);
      lines.push({ productId, batchId: null, lot: null, expiresOn: null, quantity: taken.shortfall });
    }
  }
  if (shortages.length > 0) return refuseTransfer('INSUFFICIENT_STOCK', shortages);
  const entries: LedgerEntry[] = lines.map((line) => ({
    kind: 'transfer_out',
    productId: line.productId,
    branchId: fromBranchId,
    batchId: line.batchId,
    delta: -line.quantity,
    ref: id,
  }));
  const transfer: Transfer = {
    id,
    fromBranchId,
    toBranchId,
    dispatchedOn: today,
    status: 'in_transit',
    lines,
    received: null,
    discrepancies: [],
  };
  return { ok: true, transfer, entries };
}

/**
 * Receives a transfer at its destination: what arrived of each line goes into
 * the destination's batch of the same product, lot and expiry, created (with
 * `newBatchId()`) when it holds none, by one `transfer_in` entry. Only what
 * arrived is booked; each line short becomes a discrepancy (sent − received)
 * and the transfer `received_with_discrepancy`. Units arrive even when their
 * batch has expired on the way: they are on the shelf, unsellable, to be written off.
 */
export function receiveTransfer(
  transfer: Transfer,
  received: readonly number[],
  destination: readonly Batch[],
  newBatchId: () => string,
): { ok: true; transfer: Transfer; created: Batch[]; entries: LedgerEntry[] } | TransferRefusal {
  if (transfer.status !== 'in_transit') return refuseTransfer('TRANSFER_NOT_IN_TRANSIT');
  if (received.length !== transfer.lines.length) return refuseTransfer('RECEIVED_LINES_MISMATCH');
  for (const units of received) {
    if (!Number.isInteger(units) || units < 0) throw new RangeError('received units are whole numbers ≥ 0');
  }
  if (transfer.lines.some((line, index) => (received[index] ?? 0) > line.quantity)) {
    return refuseTransfer('RECEIVED_MORE_THAN_SENT');
  }
  const branchId = transfer.toBranchId;
  const created: Batch[] = [];
  const entries: LedgerEntry[] = [];
  const discrepancies: TransferDiscrepancy[] = [];
  for (const [index, line] of transfer.lines.entries()) {
    const units = received[index] ?? 0;
    const { productId, expiresOn } = line;
    if (units < line.quantity) {
      discrepancies.push({
        line: index,
        productId,
        lot: line.lot,
        expiresOn,
        sent: line.quantity,
        received: units,
        missing: line.quantity - units,
      });
    }
    if (units === 0) continue;
    const { lot } = line;
    if (lot === null) {
      entries.push({ kind: 'transfer_in', productId, branchId, batchId: null, delta: units, ref: transfer.id });
      continue;
    }
    // Same lot and expiry: the same batch. A lot held with another expiry stays a separate batch.
    const same = (batch: Batch) =>
      batch.branchId === branchId &&
      batch.productId === productId &&
      batch.lot === lot &&
      batch.expiresOn === expiresOn;
    let batch = destination.find(same) ?? created.find(same);
    if (!batch) {
      batch = { id: newBatchId(), productId, branchId, lot, expiresOn, onHand: 0 };
      created.push(batch);
    }
    entries.push({ kind: 'transfer_in', productId, branchId, batchId: batch.id, delta: units, ref: transfer.id });
  }
  const status: TransferStatus = discrepancies.length > 0 ? 'received_with_discrepancy' : 'received';
  return { ok: true, transfer: { ...transfer, status, received: [...received], discrepancies }, created, entries };
}

/**
 * TR5: the missing units of a transfer received short, decided at its source. `returned` books them back
 * into the batches they left (loose units into no batch), one `transfer_in` entry per short line at the
 * source; `lost` moves nothing: they left the source's figure when sent and never reached a shelf.
 */
export function resolveMissingUnits(
  transfer: Transfer,
  resolution: 'returned' | 'lost',
): { ok: true; entries: LedgerEntry[] } | TransferRefusal {
  if (transfer.status !== 'received_with_discrepancy') return refuseTransfer('TRANSFER_NOT_SHORT');
  if (resolution === 'lost') return { ok: true, entries: [] };
  const entries = transfer.discrepancies.map(({ line, productId, missing }) => ({
    kind: 'transfer_in' as const,
    productId,
    branchId: transfer.fromBranchId,
    batchId: transfer.lines[line]?.batchId ?? null,
    delta: missing,
    ref: transfer.id,
  }));
  return { ok: true, entries };
}
