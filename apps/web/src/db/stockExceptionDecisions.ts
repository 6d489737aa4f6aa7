import { db, type LocalStockException } from './database';
import { enqueueOperation } from './enqueue';
import { countAdjustment, type CountResult } from './stock';

/*
 * A person's decisions on an open stock exception (the Conflicts inbox, SPEC ST7).
 * Apart from `stockExceptions.ts`, which every pull and push needs, so the till's
 * first screen does not carry them: the Sync tab imports this module itself.
 */

/** The exception if it still waits for a decision on this phone (not resolved, not being resolved). */
async function awaitingDecision(exceptionId: string): Promise<LocalStockException | undefined> {
  const exception = await db.stockExceptions.get(exceptionId);
  return exception?.status === 'open' && exception.resolvingOpId === undefined ? exception : undefined;
}

/**
 * "Count the shelf": in ONE strict transaction, queues the ADJUST_STOCK (reason
 * `count`) that brings this phone's figure to `counted` and closes the exception
 * with it; when the count agrees with the figure, queues RESOLVE_STOCK_EXCEPTION
 * instead (the figure is right, nothing to move). Marks the exception as being
 * resolved so it leaves the inbox at once. Returns null, queuing nothing, when it
 * was resolved already (a double tap, another tab, a pull). `approvedBy`: the
 * manager who approved the count, for someone who may only count (SC4).
 */
export async function resolveOversellByCount(
  exceptionId: string,
  counted: number,
  approvedBy?: string,
): Promise<CountResult | null> {
  return db.transaction('rw', [db.stockExceptions, db.stock, db.outbox, db.meta], async () => {
    const exception = await awaitingDecision(exceptionId);
    if (!exception) return null;
    const adjustment = await countAdjustment(exception.productId, counted, { exceptionId, approvedBy });
    const entry = await enqueueOperation(
      adjustment ?? { type: 'RESOLVE_STOCK_EXCEPTION', localId: crypto.randomUUID(), data: { exceptionId } },
    );
    await db.stockExceptions.update(exceptionId, { resolvingOpId: entry.opId });
    return { delta: adjustment?.data.delta ?? 0 };
  });
}

/**
 * "The figure is right": queues RESOLVE_STOCK_EXCEPTION (no stock moves) and marks
 * the exception as being resolved, in ONE strict transaction. Returns whether it
 * queued anything.
 */
export async function acceptStockFigure(exceptionId: string): Promise<boolean> {
  return db.transaction('rw', [db.stockExceptions, db.outbox, db.meta], async () => {
    if (!(await awaitingDecision(exceptionId))) return false;
    const entry = await enqueueOperation({
      type: 'RESOLVE_STOCK_EXCEPTION',
      localId: crypto.randomUUID(),
      data: { exceptionId },
    });
    await db.stockExceptions.update(exceptionId, { resolvingOpId: entry.opId });
    return true;
  });
}
