import { randomUUID } from 'node:crypto';
import {
  adjustBatch,
  allocateFefo,
  batchesOf,
  expiredOnHand,
  receiveBatch,
  returnToBatches,
  type Allocation,
  type AdjustStock,
  type Batch,
  type BatchRefusalReason,
  type ReceiveStock,
} from '@opentill/domain';

/** A movement of one batch (or of the product's units kept without a batch: `batchId` null). */
export interface BatchMove {
  productId: string;
  batchId: string | null;
  delta: number;
}

export type BookResult = { ok: true; moves: BatchMove[] } | { ok: false; reason: BatchRefusalReason };

/**
 * The batches of one push at one branch (SPEC BT), worked on in memory under
 * the branch's stock lock with the domain's rules: receipts into lots,
 * adjustments of a batch, sales first expiry first out, refunds back into the
 * batches their sale took from. What it records is written by the caller:
 * the ledger entries from each result, the batch figures from `created` and
 * `netMoves` at the end.
 */
export class BatchBook {
  private readonly batches: Map<string, Batch>;
  private readonly net = new Map<string, number>();
  private readonly createdBatches: Batch[] = [];
  /** What this push's sales took and its refunds returned, by sale (a refund may follow its sale in one push). */
  private readonly taken = new Map<string, Allocation[]>();
  private readonly returned = new Map<string, Allocation[]>();

  constructor(
    private readonly branchId: string,
    batches: readonly Batch[],
  ) {
    this.batches = new Map(batches.map((batch) => [batch.id, { ...batch }]));
  }

  /** Whether the branch keeps this product in batches: its sales and refunds then move batches. */
  keeps(productId: string): boolean {
    for (const batch of this.batches.values()) if (batch.productId === productId) return true;
    return false;
  }

  /** Units of the product on the shelf in batches expired by `today`: not sellable (BT2). */
  expiredUnits(productId: string, today: string): number {
    return expiredOnHand(this.of(productId), today);
  }

  /** A delivery: into its lot's batch (a new one if the branch has none), or, without a lot, into no batch. */
  receive(data: ReceiveStock, today: string): BookResult {
    const { productId, quantity, lot } = data;
    if (lot === undefined) return { ok: true, moves: [{ productId, batchId: null, delta: quantity }] };
    const input = { productId, quantity, lot, expiresOn: data.expiresOn ?? null };
    const received = receiveBatch([...this.batches.values()], this.branchId, input, today, randomUUID(), '');
    if (!received.ok) return received;
    if (received.created) {
      this.batches.set(received.created.id, { ...received.created });
      this.createdBatches.push(received.created);
    }
    return this.apply(received.entries);
  }

  /** A correction of one batch (never below zero), or without `batchId` of the units kept without a batch. */
  adjust(data: AdjustStock): BookResult {
    const { productId, delta, batchId, reason } = data;
    if (batchId === undefined) return { ok: true, moves: [{ productId, batchId: null, delta }] };
    const batch = this.batches.get(batchId);
    if (!batch || batch.productId !== productId) return { ok: false, reason: 'BATCH_UNKNOWN' };
    const adjusted = adjustBatch(batch, delta, reason, '');
    return adjusted.ok ? this.apply([adjusted.entry]) : adjusted;
  }

  /**
   * A sale's line: first expiry first out on the day it was sold (BT3), from the
   * pharmacist's batch first when one was picked and may be sold (BT5). What the
   * sellable batches do not cover comes from units kept without a batch.
   */
  sell(saleId: string, line: { productId: string; quantity: number; batchId?: string }, soldOn: string): BatchMove[] {
    const batches = this.of(line.productId);
    const pinned = line.batchId === undefined ? {} : { pinnedBatchId: line.batchId };
    let allocated = allocateFefo(batches, line.quantity, soldOn, pinned);
    // A picked batch that is unknown or expired here: the sale is a fact (the customer has the goods), so FEFO.
    if (!allocated.ok) allocated = allocateFefo(batches, line.quantity, soldOn);
    if (!allocated.ok) throw new Error('FEFO without a pinned batch never refuses');
    this.taken.set(saleId, [...(this.taken.get(saleId) ?? []), ...allocated.allocations]);
    const moves = this.apply(
      allocated.allocations.map((a) => ({ ...a, productId: line.productId, delta: -a.quantity })),
    );
    if (allocated.shortfall > 0)
      moves.moves.push({ productId: line.productId, batchId: null, delta: -allocated.shortfall });
    return moves.moves;
  }

  /**
   * Refunded units back to the shelf (BT7): into the batches the sale took this
   * product from, net of earlier refunds, the rest into no batch.
   */
  refund(
    saleId: string,
    item: { productId: string; quantity: number },
    before: { taken: readonly Allocation[]; returned: readonly Allocation[] },
  ): BatchMove[] {
    const ofProduct = (allocations: readonly Allocation[]) =>
      allocations.filter(({ batchId }) => this.batches.get(batchId)?.productId === item.productId);
    const taken = ofProduct([...before.taken, ...(this.taken.get(saleId) ?? [])]);
    const returnedBefore = ofProduct([...before.returned, ...(this.returned.get(saleId) ?? [])]);
    const back = returnToBatches(taken, item.quantity, { returnedBefore });
    if (!back.ok) throw new Error('a refund without a named batch is never refused');
    this.returned.set(saleId, [...(this.returned.get(saleId) ?? []), ...back.allocations]);
    const moves = this.apply(back.allocations.map((a) => ({ ...a, productId: item.productId, delta: a.quantity })));
    if (back.excess > 0) moves.moves.push({ productId: item.productId, batchId: null, delta: back.excess });
    return moves.moves;
  }

  /** Batches this push created (at zero: their units are in `netMoves`). */
  get created(): readonly Batch[] {
    return this.createdBatches;
  }

  /** Each moved batch's net movement over the push. */
  netMoves(): { batchId: string; delta: number }[] {
    return [...this.net].filter(([, delta]) => delta !== 0).map(([batchId, delta]) => ({ batchId, delta }));
  }

  private of(productId: string): Batch[] {
    return batchesOf([...this.batches.values()], this.branchId, productId);
  }

  private apply(entries: readonly { productId: string; batchId: string | null; delta: number }[]) {
    const moves: BatchMove[] = [];
    for (const { productId, batchId, delta } of entries) {
      if (batchId !== null) {
        const batch = this.batches.get(batchId);
        if (batch) batch.onHand += delta;
        this.net.set(batchId, (this.net.get(batchId) ?? 0) + delta);
      }
      moves.push({ productId, batchId, delta });
    }
    return { ok: true as const, moves };
  }
}
