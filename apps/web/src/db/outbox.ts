import { Dexie } from 'dexie';
import {
  LANES,
  type Acknowledgment,
  type Conflict,
  type Lane,
  type Operation,
  type ShopSettings,
} from '@opentill/domain';
import { db, type LocalRefund, type OperationError, type OutboxEntry } from './database';
import { inboxItems, type InboxItem } from './inbox';
import { META_KEYS, getLastSyncedAt } from './meta';
import { productsWithPendingOps, takeServerProduct } from './products';
import { applyPulledPage, type PulledPage } from './pull';
import { takeCustomerAnswer } from './customerSync';
import { releaseResolution } from './stockExceptions';

/** Strips local bookkeeping: what goes on the wire is exactly what was queued. */
function toOperation(entry: OutboxEntry): Operation {
  const { status: _status, attempts: _attempts, lastError: _lastError, createdAt: _createdAt, ...operation } = entry;
  return operation as Operation;
}

/** A lane's pending entries in seq order (the `[status+lane+seq]` index). */
function pendingInLane(lane: Lane) {
  return db.outbox.where('[status+lane+seq]').between(['pending', lane, Dexie.minKey], ['pending', lane, Dexie.maxKey]);
}

/**
 * Up to `limit` operations still to send, in the order the server wants them:
 * lane by lane (critical, high, medium), each lane in seq order. Each lane's part
 * is a prefix of its queue, so a push never leaves a gap inside a lane.
 */
export async function pendingOperations(limit: number): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const lane of LANES) {
    const room = limit - operations.length;
    if (room <= 0) break;
    const entries = await pendingInLane(lane).limit(room).toArray();
    operations.push(...entries.map(toOperation));
  }
  return operations;
}

/** Operations not yet accepted by the server (rejected ones are counted apart). */
export async function unsyncedCount(): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

/** Operations the server refused for good, newest first, for the user to see. */
export async function rejectedOperations(): Promise<OutboxEntry[]> {
  const rejected = await db.outbox.where('status').equals('rejected').toArray();
  return rejected.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.seq - a.seq));
}

/** What the Sync screen shows about the queue. */
export interface SyncOverview {
  pendingByLane: Record<Lane, number>;
  /** When the oldest operation still waiting was queued; null when none waits. */
  oldestPendingAt: string | null;
  rejected: OutboxEntry[];
  /** The Conflicts inbox: stale edits, refused sales and open stock exceptions. */
  inbox: InboxItem[];
  lastSyncedAt: string | null;
}

export async function syncOverview(): Promise<SyncOverview> {
  const pendingByLane = {} as Record<Lane, number>;
  let oldestPendingAt: string | null = null;
  for (const lane of LANES) {
    pendingByLane[lane] = await pendingInLane(lane).count();
    // Within a lane, seq follows time: the first entry is the lane's oldest.
    const first = await pendingInLane(lane).first();
    if (first && (oldestPendingAt === null || first.createdAt < oldestPendingAt)) oldestPendingAt = first.createdAt;
  }
  return {
    pendingByLane,
    oldestPendingAt,
    rejected: await rejectedOperations(),
    inbox: await inboxItems(),
    lastSyncedAt: await getLastSyncedAt(),
  };
}

/**
 * Applies the server's answers:
 * - created / updated / deleted: done; the entry leaves the outbox and a sale is synced.
 * - conflict: a permanent answer; the entry leaves the outbox and the conflict goes
 *   to the Conflicts inbox for a person. A stale edit: the product here shows the
 *   server's version until they choose. A sale refused for stock: the sale stays
 *   here, marked `refused` (the server keeps it as refused; it moved no stock).
 * - rejected: a permanent answer; the entry stays, marked rejected, for the user.
 *   It is no longer sent and does not block the operations behind it.
 * - refused: not applied (a sequence gap); stays pending and is sent again.
 *
 * `conflicts` are the answer's `conflicts[]`, used when an ack lacks its own.
 */
export async function applyAcknowledgments(
  acknowledgments: readonly Acknowledgment[],
  conflicts: readonly { opId: string; conflict: Conflict }[] = [],
): Promise<void> {
  const conflictOf = new Map(conflicts.map((item) => [item.opId, item.conflict]));
  const tables = [db.outbox, db.sales, db.refunds, db.products, db.conflicts, db.stockExceptions];
  await db.transaction('rw', [...tables, db.customers, db.accountPayments], async () => {
    for (const ack of acknowledgments) {
      const entry = await db.outbox.get(ack.opId);
      if (!entry) continue; // answered before (a retried push): nothing left to do
      await takeCustomerAnswer(entry, ack.status);
      switch (ack.status) {
        case 'created':
        case 'updated':
        case 'deleted':
          await db.outbox.delete(ack.opId);
          if (entry.type === 'CREATE_SALE') {
            await db.sales.update(entry.localId, {
              syncState: 'synced',
              ...(ack.serverId === undefined ? {} : { serverId: ack.serverId }),
            });
          }
          await markRefund(entry, 'synced');
          break;
        case 'conflict': {
          const conflict = ack.conflict ?? conflictOf.get(ack.opId);
          if (!conflict) {
            await markRejected(entry, { code: 'conflict', message: 'The server kept its own version.' });
            break;
          }
          await db.outbox.delete(ack.opId);
          await db.conflicts.put({ opId: ack.opId, conflict, receivedAt: new Date().toISOString() });
          if (conflict.kind === 'STALE_EDIT') {
            // Show the shop's version until a person chooses (unless another local change waits).
            if (!(await productsWithPendingOps()).has(conflict.recordId)) await takeServerProduct(conflict.server);
          } else if (entry.type === 'CREATE_SALE') {
            await db.sales.update(entry.localId, {
              syncState: 'refused',
              ...(ack.serverId === undefined ? {} : { serverId: ack.serverId }),
            });
          }
          await markRefund(entry, 'refused');
          break;
        }
        case 'rejected':
          await markRejected(
            entry,
            ack.error ?? { code: 'OT_ERR_REJECTED', message: 'The server rejected this operation.' },
          );
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

/** A refund's answer: kept (`synced`), kept but beyond its sale (`refused`: RF3, for a manager), or rejected. */
async function markRefund(entry: OutboxEntry, syncState: LocalRefund['syncState']): Promise<void> {
  if (entry.type === 'REFUND_SALE') await db.refunds.update(entry.localId, { syncState });
}

async function markRejected(entry: OutboxEntry, error: OperationError): Promise<void> {
  await db.outbox.update(entry.opId, { status: 'rejected', attempts: entry.attempts + 1, lastError: error });
  if (entry.type === 'CREATE_SALE') await db.sales.update(entry.localId, { syncState: 'rejected' });
  await markRefund(entry, 'rejected');
  // A resolution the server refused: the exception needs a decision again.
  if ((entry.type === 'ADJUST_STOCK' || entry.type === 'RESOLVE_STOCK_EXCEPTION') && entry.data.exceptionId) {
    await releaseResolution(entry.data.exceptionId, entry.opId);
  }
}

/**
 * "Dismiss" a rejected operation (a permanent answer: the server will never accept it).
 * In ONE transaction: re-reads the entry and deletes it only if it is still
 * 'rejected' (a pending operation is never deleted here, whatever the screen showed),
 * and for a sale marks the local sale `syncState: 'rejected'`: it leaves the queue
 * but stays in this phone's records. Returns whether an entry was dismissed.
 */
export async function dismissRejected(opId: string): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.sales, db.refunds], async () => {
    const entry = await db.outbox.get(opId);
    if (entry?.status !== 'rejected') return false;
    await db.outbox.delete(opId);
    if (entry.type === 'CREATE_SALE') await db.sales.update(entry.localId, { syncState: 'rejected' });
    await markRefund(entry, 'rejected');
    return true;
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
  /** The device the request was sent for: an answer that outlived its session is dropped. */
  deviceId: string;
  acknowledgments: readonly Acknowledgment[];
  conflicts?: readonly { opId: string; conflict: Conflict }[];
  page: PulledPage;
  cursor: string;
  /** The shop's settings the answer carried (SS2); absent from older servers. */
  shop?: ShopSettings | undefined;
  /** RC1: this device's receipt prefix; absent from older servers. */
  receiptPrefix?: string | undefined;
}

/**
 * Applies one sync answer (acknowledgments, conflicts, the pulled page, cursor) in ONE transaction.
 * Returns false, writing nothing, when the phone is no longer signed in as `result.deviceId`
 * (signed out while the request was on its way): the old shop's products must not
 * reappear on a wiped phone.
 */
export async function applySyncResult(result: SyncResult): Promise<boolean> {
  const stockTables = [db.stock, db.stockExceptions, db.batches];
  const tables = [db.session, db.outbox, db.sales, db.products, db.conflicts, db.meta, ...stockTables];
  // Refunds: their answers; customers: their answers and pulled balances (CU6).
  const customerTables = [db.refunds, db.customers, db.accountPayments];
  return db.transaction('rw', [...tables, ...customerTables], async () => {
    if ((await db.session.get('current'))?.device.id !== result.deviceId) return false;
    await applyAcknowledgments(result.acknowledgments, result.conflicts);
    await applyPulledPage(result.page, result.cursor);
    if (result.shop) await db.meta.put({ key: META_KEYS.shopSettings, value: result.shop });
    if (result.receiptPrefix) await db.meta.put({ key: META_KEYS.receiptPrefix, value: result.receiptPrefix });
    await db.meta.put({ key: META_KEYS.lastSyncedAt, value: new Date().toISOString() });
    return true;
  });
}
