import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Transfer, TransferLine, TransferResolution, TransferStatus } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { branches, transfers } from '../db/schema.js';

type TransferRow = typeof transfers.$inferSelect;

/** TR5: what was decided about a transfer's missing units, and when. */
export interface TransferResolutionRecord {
  kind: TransferResolution;
  note: string | null;
  resolvedAt: string;
}

function toTransfer(row: TransferRow): Transfer & {
  dispatchedAt: string;
  receivedAt: string | null;
  resolution: TransferResolutionRecord | null;
} {
  const lines = row.lines as TransferLine[];
  const received = row.received as number[] | null;
  return {
    id: row.id,
    fromBranchId: row.fromBranchId,
    toBranchId: row.toBranchId,
    dispatchedOn: row.dispatchedOn,
    status: row.status as TransferStatus,
    lines,
    received,
    discrepancies: (received ?? [])
      .map((units, line) => ({ line, units, sent: lines[line] as TransferLine }))
      .filter(({ units, sent }) => units < sent.quantity)
      .map(({ line, units, sent }) => ({
        line,
        productId: sent.productId,
        lot: sent.lot,
        expiresOn: sent.expiresOn,
        sent: sent.quantity,
        received: units,
        missing: sent.quantity - units,
      })),
    dispatchedAt: row.createdAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    resolution:
      row.resolution === null || row.resolvedAt === null
        ? null
        : {
            kind: row.resolution as TransferResolution,
            note: row.resolutionNote,
            resolvedAt: row.resolvedAt.toISOString(),
          },
  };
}

/** Whether the branch is one of this shop's. */
export async function branchExists(tx: Executor, tenantId: string, branchId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.id, branchId), eq(branches.tenantId, tenantId)));
  return row !== undefined;
}

export async function findTransfer(tx: Executor, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(transfers)
    .where(and(eq(transfers.id, id), eq(transfers.tenantId, tenantId)));
  return row && toTransfer(row);
}

/** The transfer, locked: a receipt is about to book it (received once, TR2). */
export async function lockTransfer(tx: Executor, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(transfers)
    .where(and(eq(transfers.id, id), eq(transfers.tenantId, tenantId)))
    .for('no key update');
  return row && toTransfer(row);
}

export async function insertTransfer(
  tx: Executor,
  tenantId: string,
  transfer: Transfer,
  dispatchedBy: string,
): Promise<void> {
  await tx.insert(transfers).values({
    id: transfer.id,
    tenantId,
    fromBranchId: transfer.fromBranchId,
    toBranchId: transfer.toBranchId,
    status: transfer.status,
    lines: transfer.lines,
    dispatchedOn: transfer.dispatchedOn,
    dispatchedBy,
  });
}

export async function markReceived(tx: Executor, transfer: Transfer, receivedBy: string): Promise<void> {
  await tx
    .update(transfers)
    .set({ status: transfer.status, received: transfer.received, receivedBy, receivedAt: sql`now()` })
    .where(eq(transfers.id, transfer.id));
}

/** TR5: records what became of the missing units. */
export async function markResolved(
  tx: Executor,
  transferId: string,
  resolution: { kind: TransferResolution; note: string | null; by: string },
): Promise<void> {
  await tx
    .update(transfers)
    .set({
      resolution: resolution.kind,
      resolutionNote: resolution.note,
      resolvedBy: resolution.by,
      resolvedAt: sql`now()`,
    })
    .where(eq(transfers.id, transferId));
}

/** The branch's transfers out and in, newest first, at most `limit`. */
export async function listTransfers(tx: Executor, tenantId: string, branchId: string, limit: number) {
  const rows = await tx
    .select()
    .from(transfers)
    .where(
      and(
        eq(transfers.tenantId, tenantId),
        or(eq(transfers.fromBranchId, branchId), eq(transfers.toBranchId, branchId)),
      ),
    )
    .orderBy(desc(transfers.createdAt))
    .limit(limit);
  return rows.map(toTransfer);
}
