import { countedCash, shiftReport, type CashCount, type CashMovement, type ShiftReport } from '@opentill/domain';
import { getActingUser } from './actingUser';
import { db, type LocalShift } from './database';
import { enqueueOperation } from './enqueue';

/** Why a shift step was refused; nothing was written. */
export class ShiftError extends Error {
  constructor(readonly code: 'already-open' | 'none-open') {
    super(code);
    this.name = 'ShiftError';
  }
}

const newLocalId = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;

/** The shift open on this phone, if any (at most one: SH1). */
export async function getOpenShift(): Promise<LocalShift | undefined> {
  return db.shifts.filter((shift) => shift.closedAt === null).first();
}

async function requireOpenShift(): Promise<LocalShift> {
  const shift = await getOpenShift();
  if (!shift) throw new ShiftError('none-open');
  return shift;
}

/** SH1: opens a shift with its float, queued (OPEN_SHIFT) in the same transaction. */
export async function openShift(float: number, now: Date = new Date()): Promise<LocalShift> {
  return db.transaction('rw', [db.shifts, db.outbox, db.meta], async () => {
    if (await getOpenShift()) throw new ShiftError('already-open');
    const actor = await getActingUser();
    const shift: LocalShift = {
      localId: newLocalId('shift'),
      float,
      openedAt: now.toISOString(),
      openedBy: actor ? { userId: actor.userId, name: actor.name } : null,
      closedAt: null,
      counted: null,
    };
    await enqueueOperation({
      type: 'OPEN_SHIFT',
      localId: shift.localId,
      data: { localId: shift.localId, float, openedAt: shift.openedAt },
    });
    await db.shifts.add(shift);
    return shift;
  });
}

/** SH2: cash into or out of the open shift's drawer, with its reason. */
export async function recordCashMovement(
  kind: CashMovement['kind'],
  amount: number,
  reason: string,
  now: Date = new Date(),
): Promise<CashMovement> {
  return db.transaction('rw', [db.shifts, db.cashMovements, db.outbox, db.meta], async () => {
    const shift = await requireOpenShift();
    const movement: CashMovement = {
      localId: newLocalId('cash'),
      shiftId: shift.localId,
      kind,
      amount,
      reason: reason.trim(),
      at: now.toISOString(),
    };
    // The operation's schema checks the movement (amount above zero, a reason) before anything is written.
    await enqueueOperation({ type: 'RECORD_CASH_MOVEMENT', localId: movement.localId, data: movement });
    await db.cashMovements.add(movement);
    return movement;
  });
}

/** SH3, SH6: closes the open shift with the blind count and what it recorded; returns its Z report. */
export async function closeShift(counted: CashCount, now: Date = new Date()): Promise<ShiftReport> {
  const tables = [db.shifts, db.sales, db.refunds, db.cashMovements, db.accountPayments, db.outbox, db.meta];
  const shift = await db.transaction('rw', tables, async () => {
    const open = await requireOpenShift();
    const recorded = {
      sales: await db.sales.where('shiftId').equals(open.localId).count(),
      refunds: await db.refunds.where('shiftId').equals(open.localId).count(),
      movements: await db.cashMovements.where('shiftId').equals(open.localId).count(),
      payments: await db.accountPayments.where('shiftId').equals(open.localId).count(),
    };
    const closedAt = now.toISOString();
    await enqueueOperation({
      type: 'CLOSE_SHIFT',
      localId: newLocalId('close'),
      data: { shiftId: open.localId, counted, recorded, closedAt },
    });
    const closed = { ...open, closedAt, counted };
    await db.shifts.put(closed);
    return closed;
  });
  return reportOf(shift);
}

/** SH4: the shift's X report (open) or Z report (closed), from this phone's own records. */
export async function reportOf(shift: LocalShift): Promise<ShiftReport> {
  const [sales, refunds, movements, payments] = await Promise.all([
    db.sales.where('shiftId').equals(shift.localId).toArray(),
    db.refunds.where('shiftId').equals(shift.localId).toArray(),
    db.cashMovements.where('shiftId').equals(shift.localId).toArray(),
    // SH7: payments on account taken in the shift (a rejected one was never taken).
    db.accountPayments
      .where('shiftId')
      .equals(shift.localId)
      .filter((payment) => payment.syncState !== 'rejected')
      .toArray(),
  ]);
  return shiftReport({
    float: shift.float,
    sales,
    refunds,
    movements,
    payments,
    ...(shift.counted && { counted: countedCash(shift.counted) }),
  });
}
