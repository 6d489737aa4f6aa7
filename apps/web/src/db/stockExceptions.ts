import type { StockException } from '@opentill/domain';
import { db, type LocalStockException } from './database';
import { enqueueOperation } from './enqueue';
import { countAdjustment, type CountResult } from './stock';

/**
 * Takes a page of pulled stock exceptions. An exception this phone has resolved
 * but the server still sends open (the resolution not yet applied there) keeps
 * its mark, so it stays out of the inbox. Runs inside the caller's transaction.
 */
export async function takePulledExceptions(exceptions: readonly StockException[]): Promise<void> {
  for (const incoming of exceptions) {
    const resolvingOpId =
      incoming.status === 'open' ? (await db.stockExceptions.get(incoming.id))?.resolvingOpId : undefined;
    await db.stockExceptions.put(resolvingOpId === undefined ? incoming : { ...incoming, resolvingOpId });
  }
}

/** Open exceptions of this branch that no one on this phone has resolved yet, oldest first. */
export async function openStockExceptions(): Promise<LocalStockException[]> {
  const open = await db.stockExceptions.where('status').equals('open').toArray();
  return open
    .filter((exception) => exception.resolvingOpId === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

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
 * was resolved already (a double tap, another tab, a pull).
 */
export async function resolveOversellByCount(exceptionId: string, counted: number): Promise<CountResult | null> {
  return db.transaction('rw', [db.stockExceptions, db.stock, db.outbox, db.meta], async () => {
    const exception = await awaitingDecision(exceptionId);
    if (!exception) return null;
    const adjustment = await countAdjustment(exception.productId, counted, exceptionId);
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

/**
 * The server rejected the operation that resolved this exception: the exception
 * goes back to the inbox (if still open) for another decision. Runs inside the
 * caller's transaction.
 */
export async function releaseResolution(exceptionId: string, opId: string): Promise<void> {
  const exception = await db.stockExceptions.get(exceptionId);
  if (exception?.resolvingOpId !== opId) return;
  const { resolvingOpId: _released, ...rest } = exception;
  await db.stockExceptions.put(rest);
}
