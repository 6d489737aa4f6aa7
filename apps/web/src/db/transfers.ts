import {
  dispatchTransferSchema,
  receiveTransferSchema,
  resolveTransferSchema,
  type TransferLineRequest,
  type TransferResolution,
} from '@opentill/domain';
import { db } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { useLiveValue } from './live';

// Apart from the till's first screen: transfers are sent and received from the Products screen.

function checked<T>(parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }) {
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  return parsed.data;
}

/**
 * Queues stock sent from this till's branch to another (DISPATCH_TRANSFER, SPEC
 * TR1) in ONE strict transaction, offline too; the transfer's id is made here so
 * the phone knows it before the server does. Returns that id.
 */
export async function sendTransfer(toBranchId: string, lines: readonly TransferLineRequest[]): Promise<string> {
  const data = checked(dispatchTransferSchema.safeParse({ id: crypto.randomUUID(), toBranchId, lines }));
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    await enqueueOperation({ type: 'DISPATCH_TRANSFER', localId: data.id, data });
  });
  return data.id;
}

/** Queues what arrived of a transfer to this branch, per line (RECEIVE_TRANSFER, TR2). */
export async function receiveTransfer(transferId: string, received: readonly number[]): Promise<void> {
  const data = checked(receiveTransferSchema.safeParse({ transferId, received }));
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    await enqueueOperation({ type: 'RECEIVE_TRANSFER', localId: crypto.randomUUID(), data });
  });
}

/** TR5: queues what became of a transfer's missing units, at the branch that sent it (RESOLVE_TRANSFER). */
export async function resolveTransfer(transferId: string, resolution: TransferResolution): Promise<void> {
  const data = checked(resolveTransferSchema.safeParse({ transferId, resolution }));
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    await enqueueOperation({ type: 'RESOLVE_TRANSFER', localId: crypto.randomUUID(), data });
  });
}

/**
 * Transfers this phone has received, or resolved, but not yet sent that of: not to be done twice, and
 * shown as done at once.
 */
export async function transfersBeingSettled(): Promise<Set<string>> {
  const queued = await db.outbox.where('status').equals('pending').toArray();
  return new Set(
    queued.flatMap((entry) =>
      entry.type === 'RECEIVE_TRANSFER' || entry.type === 'RESOLVE_TRANSFER' ? [entry.data.transferId] : [],
    ),
  );
}

/** `transfersBeingSettled`, live: a receipt or resolution queued shows as done at once. */
export function useLiveTransfersBeingSettled(): Set<string> | undefined {
  return useLiveValue(transfersBeingSettled);
}
