import {
  MAX_STOCK_MOVEMENT,
  adjustStockSchema,
  receiveStockSchema,
  stockOnDevice,
  type AdjustStock,
  type ReceiveStock,
  type StockLevel,
} from '@opentill/domain';
import { db } from './database';
import { enqueueOperation, type NewOperation } from './enqueue';
import { InvalidRecordError } from './errors';

function invalid(error: { issues: readonly { message: string }[] }): InvalidRecordError {
  return new InvalidRecordError(error.issues.map((issue) => issue.message));
}

/** A delivery's data, checked by the domain schema (InvalidRecordError when wrong). */
export function checkedReceipt(receipt: ReceiveStock): ReceiveStock {
  const parsed = receiveStockSchema.safeParse(receipt);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/**
 * The stock this phone shows for every product it has a figure or a movement
 * for: the server's figures with this phone's pending operations on top
 * (`stockOnDevice`). Rejected operations and answered conflicts are out of the
 * queue's pending part, so they move nothing.
 */
export async function stockShownHere(): Promise<Map<string, number>> {
  const [levels, pending] = await Promise.all([
    db.stock.toArray(),
    db.outbox.where('status').equals('pending').toArray(),
  ]);
  return stockOnDevice(levels, pending);
}

/** One product's figure as this phone shows it. Inside a transaction over `stock` and `outbox`, it is that moment's. */
export async function shownStockOf(productId: string): Promise<number> {
  const [level, pending] = await Promise.all([
    db.stock.get(productId),
    db.outbox.where('status').equals('pending').toArray(),
  ]);
  return stockOnDevice(level ? [level] : [], pending).get(productId) ?? 0;
}

/** Takes a page of pulled figures. Runs inside the caller's transaction (`applyPulledPage`). */
export async function takePulledLevels(levels: readonly StockLevel[]): Promise<void> {
  await db.stock.bulkPut(levels.map(({ productId, onHand }) => ({ productId, onHand })));
}

/** What a count changed: the units it added (negative: removed); 0 queued nothing. */
export interface CountResult {
  delta: number;
}

function checkCounted(counted: number): void {
  if (!Number.isSafeInteger(counted) || counted < 0 || counted > MAX_STOCK_MOVEMENT) {
    throw new InvalidRecordError([`A count is a whole number from 0 to ${MAX_STOCK_MOVEMENT}.`]);
  }
}

/**
 * The ADJUST_STOCK that brings the figure this phone shows to `counted`, or null
 * when they already agree. Reads the figure inside the caller's transaction (over
 * `stock`, `outbox` and `meta`), so a sale recorded meanwhile is counted in it.
 */
export async function countAdjustment(
  productId: string,
  counted: number,
  { exceptionId, approvedBy }: { exceptionId?: string; approvedBy?: string | undefined } = {},
): Promise<Extract<NewOperation, { type: 'ADJUST_STOCK' }> | null> {
  checkCounted(counted);
  const delta = counted - (await shownStockOf(productId));
  if (delta === 0) return null;
  const adjustment: AdjustStock = {
    productId,
    delta,
    reason: 'count',
    ...(exceptionId === undefined ? {} : { exceptionId }),
    ...(approvedBy === undefined ? {} : { approvedBy }),
  };
  const parsed = adjustStockSchema.safeParse(adjustment);
  if (!parsed.success) throw invalid(parsed.error);
  return { type: 'ADJUST_STOCK', localId: crypto.randomUUID(), data: parsed.data };
}

/**
 * "Count stock": the person counted `counted` units on the shelf. Queues an
 * ADJUST_STOCK (reason `count`) of the difference from the figure shown, in ONE
 * strict transaction; nothing when they agree. `approvedBy`: the manager who
 * approved it, for someone who may only count (SC4).
 */
export async function countStock(productId: string, counted: number, approvedBy?: string): Promise<CountResult> {
  return db.transaction('rw', [db.stock, db.outbox, db.meta], async () => {
    const adjustment = await countAdjustment(productId, counted, { approvedBy });
    if (adjustment) await enqueueOperation(adjustment);
    return { delta: adjustment?.data.delta ?? 0 };
  });
}
