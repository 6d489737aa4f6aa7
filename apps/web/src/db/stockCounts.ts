import { useCallback } from 'react';
import { countAdjustments, uncountedLines, type CountKind, type StockCount } from '@opentill/domain';
import { db } from './database';
import { enqueueOperation } from './enqueue';
import { useLiveValue } from './live';
import { shownStockOf } from './stock';

/** Why a count step was refused: the screen words it. Nothing was written. */
export class CountStepError extends Error {
  constructor(readonly reason: 'already-open' | 'not-open' | 'uncounted' | 'empty' | 'unknown-line') {
    super(`stock count: ${reason}`);
    this.name = 'CountStepError';
  }
}

async function openCount(id: string): Promise<StockCount> {
  const count = await db.stockCounts.get(id);
  if (count?.status !== 'counting') throw new CountStepError('not-open');
  return count;
}

/** The count being made on this phone, if any (one at a time). */
export async function getOpenCount(): Promise<StockCount | undefined> {
  return db.stockCounts.where('status').equals('counting').first();
}

export function useLiveOpenCount(): StockCount | null | undefined {
  return useLiveValue(useCallback(async () => (await getOpenCount()) ?? null, []));
}

/** SC1: starts a full or cycle count of these products, none counted yet. */
export async function startCount(
  kind: CountKind,
  products: readonly { id: string; name: string }[],
  startedBy: string,
): Promise<StockCount> {
  if (products.length === 0) throw new CountStepError('empty');
  return db.transaction('rw', [db.stockCounts], async () => {
    if (await getOpenCount()) throw new CountStepError('already-open');
    const count: StockCount = {
      id: crypto.randomUUID(),
      kind,
      startedAt: new Date().toISOString(),
      startedBy,
      status: 'counting',
      lines: products.map(({ id, name }) => ({ productId: id, name, counted: null, expected: null })),
    };
    await db.stockCounts.add(count);
    return count;
  });
}

/**
 * SC2: the units counted of a product, blind: the figure the phone shows at that moment is kept beside it
 * (never shown to the counter), so the variance is against the stock as it was when counted.
 */
export async function recordCounted(countId: string, productId: string, counted: number): Promise<void> {
  await db.transaction('rw', [db.stockCounts, db.stock, db.outbox, db.meta], async () => {
    const count = await openCount(countId);
    if (!count.lines.some((line) => line.productId === productId)) throw new CountStepError('unknown-line');
    const expected = await shownStockOf(productId);
    const lines = count.lines.map((line) => (line.productId === productId ? { ...line, counted, expected } : line));
    await db.stockCounts.put({ ...count, lines });
  });
}

/** SC3: lines sent back to be counted again (their counts dropped), before approval. */
export async function recountLines(countId: string, productIds: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.stockCounts], async () => {
    const count = await openCount(countId);
    const again = new Set(productIds);
    const lines = count.lines.map((line) =>
      again.has(line.productId) ? { ...line, counted: null, expected: null } : line,
    );
    await db.stockCounts.put({ ...count, lines });
  });
}

/**
 * SC3: the approver's yes. Every line must be counted; one ADJUST_STOCK per product that differs is queued,
 * naming the count and the approver, and the count is closed, all in ONE transaction.
 */
export async function approveCount(countId: string, approvedBy: string): Promise<number> {
  return db.transaction('rw', [db.stockCounts, db.outbox, db.meta], async () => {
    const count = await openCount(countId);
    if (uncountedLines(count).length > 0) throw new CountStepError('uncounted');
    const adjustments = countAdjustments(count, approvedBy);
    for (const data of adjustments)
      await enqueueOperation({ type: 'ADJUST_STOCK', localId: crypto.randomUUID(), data });
    await db.stockCounts.put({ ...count, status: 'approved', approvedBy, approvedAt: new Date().toISOString() });
    return adjustments.length;
  });
}

/** Abandons the open count: nothing moves. */
export async function cancelCount(countId: string): Promise<void> {
  await db.transaction('rw', [db.stockCounts], async () => {
    const count = await openCount(countId);
    await db.stockCounts.put({ ...count, status: 'cancelled' });
  });
}
