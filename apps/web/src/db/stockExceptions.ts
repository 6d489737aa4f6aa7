import type { StockException } from '@opentill/domain';
import { db, type LocalStockException } from './database';

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
