import type { Acknowledgment, Operation, Product } from '@opentill/domain';
import { db, type OperationError, type OutboxEntry } from './database';
import { applyPulledProducts } from './products';

/** Strips local bookkeeping: what goes on the wire is exactly what was queued. */
function toOperation(entry: OutboxEntry): Operation {
  const { status: _status, attempts: _attempts, lastError: _lastError, createdAt: _createdAt, ...operation } = entry;
  return operation as Operation;
}

/** Up to `limit` operations still to send, oldest (lowest seq) first. */
export async function pendingOperations(limit: number): Promise<Operation[]> {
  const entries = await db.outbox
    .orderBy('seq')
    .filter((entry) => entry.status === 'pending')
    .limit(limit)
    .toArray();
  return entries.map(toOperation);
}

/** Operations not yet accepted by the server (rejected ones are counted apart). */
export async function unsyncedCount(): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

/** Operations the server refused for good, newest first, for the user to see. */
export async function rejectedOperations(): Promise<OutboxEntry[]> {
  const rejected = await db.outbox.where('status').equals('rejected').toArray();
  return rejected.sort((a, b) => b.seq - a.seq);
}

/**
 * Applies the server's answers:
 * - created / updated: done; the entry leaves the outbox and the sale is synced.
 * - rejected: a permanent answer; the entry stays, marked rejected, for the user.
 *   It is no longer sent and does not block the operations behind it.
 * - refused: not applied (a sequence gap); stays pending and is sent again.
 */
export async function applyAcknowledgments(acknowledgments: readonly Acknowledgment[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.sales], async () => {
    for (const ack of acknowledgments) {
      const entry = await db.outbox.get(ack.opId);
      if (!entry) continue; // answered before (a retried push): nothing left to do
      switch (ack.status) {
        case 'created':
        case 'updated':
          await db.outbox.delete(ack.opId);
          if (entry.type === 'CREATE_SALE') {
            await db.sales.update(entry.localId, {
              syncState: 'synced',
              ...(ack.serverId === undefined ? {} : { serverId: ack.serverId }),
            });
          }
          break;
        case 'rejected':
          await db.outbox.update(ack.opId, {
            status: 'rejected',
            attempts: entry.attempts + 1,
            lastError: ack.error ?? { code: 'OT_ERR_REJECTED', message: 'The server rejected this operation.' },
          });
          if (entry.type === 'CREATE_SALE') await db.sales.update(entry.localId, { syncState: 'rejected' });
          break;
        case 'refused':
          await db.outbox.update(ack.opId, {
            attempts: entry.attempts + 1,
            ...(ack.error ? { lastError: ack.error } : {}),
          });
          break;
        default: {
          const unknownStatus: never = ack.status;
          throw new Error(`Unknown acknowledgment status: ${String(unknownStatus)}`);
        }
      }
    }
  });
}

/** Records a failed attempt (network down, server error) without dropping anything. */
export async function recordFailedAttempt(opIds: readonly string[], error: OperationError): Promise<void> {
  await db.transaction('rw', [db.outbox], async () => {
    for (const opId of opIds) {
      const entry = await db.outbox.get(opId);
      if (entry?.status === 'pending') await db.outbox.update(opId, { attempts: entry.attempts + 1, lastError: error });
    }
  });
}

export interface SyncResult {
  acknowledgments: readonly Acknowledgment[];
  products: readonly Product[];
  cursor: string;
}

/** Applies one sync answer (acknowledgments, pulled products, cursor) in ONE transaction. */
export async function applySyncResult(result: SyncResult): Promise<void> {
  await db.transaction('rw', [db.outbox, db.sales, db.products, db.meta], async () => {
    await applyAcknowledgments(result.acknowledgments);
    await applyPulledProducts(result.products, result.cursor);
  });
}
