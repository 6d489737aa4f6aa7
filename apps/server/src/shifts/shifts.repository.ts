import { and, eq, sql } from 'drizzle-orm';
import type { CashMovement, CloseShift, OpenShift, Refund, SaleContent } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { countedCash } from '@opentill/domain';
import { cashMovements, refunds, sales, shifts } from '../db/schema.js';

export interface ShiftOrigin {
  tenantId: string;
  branchId: string;
  deviceId: string;
}

/** SH1: records a shift's opening; opening the same shift again (a retry) is a no-op. */
export async function insertShift(tx: Executor, origin: ShiftOrigin, userId: string, shift: OpenShift): Promise<void> {
  await tx
    .insert(shifts)
    .values({ ...origin, localId: shift.localId, userId, float: shift.float, openedAt: new Date(shift.openedAt) })
    .onConflictDoNothing();
}

async function shiftExists(tx: Executor, origin: ShiftOrigin, localId: string) {
  const [row] = await tx
    .select({ closedAt: shifts.closedAt })
    .from(shifts)
    .where(
      and(eq(shifts.tenantId, origin.tenantId), eq(shifts.deviceId, origin.deviceId), eq(shifts.localId, localId)),
    );
  return row;
}

/** SH2: a cash movement of an open shift of the device, stored once. */
export async function insertCashMovement(
  tx: Executor,
  origin: ShiftOrigin,
  userId: string,
  movement: CashMovement,
): Promise<'created' | 'unknown-shift'> {
  if (!(await shiftExists(tx, origin, movement.shiftId))) return 'unknown-shift';
  await tx
    .insert(cashMovements)
    .values({
      tenantId: origin.tenantId,
      deviceId: origin.deviceId,
      localId: movement.localId,
      shiftId: movement.shiftId,
      userId,
      kind: movement.kind,
      amount: movement.amount,
      reason: movement.reason,
      at: new Date(movement.at),
    })
    .onConflictDoNothing();
  return 'created';
}

/** SH3, SH6: closes an open shift once, with its blind count and what the device recorded in it. */
export async function closeShift(
  tx: Executor,
  origin: ShiftOrigin,
  userId: string,
  close: CloseShift,
): Promise<'closed' | 'unknown-shift' | 'already-closed'> {
  const closed = await tx
    .update(shifts)
    .set({
      closedAt: new Date(close.closedAt),
      closedBy: userId,
      counted: close.counted,
      countedTotal: countedCash(close.counted),
      recorded: close.recorded,
    })
    .where(
      and(
        eq(shifts.tenantId, origin.tenantId),
        eq(shifts.deviceId, origin.deviceId),
        eq(shifts.localId, close.shiftId),
        sql`${shifts.closedAt} IS NULL`,
      ),
    )
    .returning({ id: shifts.id });
  if (closed.length > 0) return 'closed';
  return (await shiftExists(tx, origin, close.shiftId)) ? 'already-closed' : 'unknown-shift';
}

/** A shift and every record of it the server holds, for its report (SH4). */
export async function readShiftActivity(tx: Executor, tenantId: string, deviceId: string, localId: string) {
  const [shift] = await tx
    .select()
    .from(shifts)
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.deviceId, deviceId), eq(shifts.localId, localId)));
  if (!shift) return null;
  const ofShift = (table: typeof sales | typeof refunds) =>
    and(eq(table.tenantId, tenantId), eq(table.deviceId, deviceId), eq(table.shiftId, localId));
  const soldRows = await queryRows<{
    total_amount: number;
    tendered: number;
    tenders: SaleContent['tenders'] | null;
    vat: number | null;
    rounding: number;
    items: SaleContent['items'];
  }>(tx, sql`SELECT total_amount, tendered, tenders, vat, rounding, items FROM ${sales} WHERE ${ofShift(sales)}`);
  const refundRows = await tx
    .select({ amount: refunds.amount, method: refunds.method, tenders: refunds.tenders, kind: refunds.kind })
    .from(refunds)
    .where(ofShift(refunds));
  const movements = await tx
    .select({ kind: cashMovements.kind, amount: cashMovements.amount })
    .from(cashMovements)
    .where(
      and(
        eq(cashMovements.tenantId, tenantId),
        eq(cashMovements.deviceId, deviceId),
        eq(cashMovements.shiftId, localId),
      ),
    );
  return {
    shift,
    sales: soldRows.map((row) => ({
      totalAmount: row.total_amount,
      tendered: row.tendered,
      ...(row.tenders && { tenders: row.tenders }),
      ...(row.vat !== null && { vat: row.vat }),
      rounding: row.rounding,
      items: row.items,
    })),
    refunds: refundRows.map((row) => ({
      amount: row.amount,
      method: row.method as Refund['method'],
      ...(row.tenders !== null && { tenders: row.tenders as NonNullable<Refund['tenders']> }),
      kind: row.kind as NonNullable<Refund['kind']>,
    })),
    movements: movements.map((row) => ({ kind: row.kind as CashMovement['kind'], amount: row.amount })),
  };
}
