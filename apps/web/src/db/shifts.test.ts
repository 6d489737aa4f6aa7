import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { testSale, testSession } from '../testing/fixtures';
import { db } from './database';
import { recordSale } from './sales';
import { saveSession } from './session';
import { ShiftError, closeShift, getOpenShift, openShift, recordCashMovement, reportOf } from './shifts';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

const queued = async () =>
  (await db.outbox.orderBy('[lane+seq]').toArray()).map(({ type, lane, seq }) => [type, lane, seq]);

describe('shifts on the phone (SPEC SH)', () => {
  it('SH1–SH6: open, cash out, sell, close blind: each step queued in the critical lane, the Z report from the phone’s records', async () => {
    const shift = await openShift(20_000);
    await recordCashMovement('out', 3000, ' Paid the bread delivery ');
    await recordSale(testSale({ shiftId: shift.localId }));
    await recordSale(testSale()); // before shifts, or with none open: not the shift's
    const z = await closeShift({ '20000': 1, '1000': 3 });

    expect(await queued()).toEqual([
      ['OPEN_SHIFT', 'critical', 1],
      ['RECORD_CASH_MOVEMENT', 'critical', 2],
      ['CLOSE_SHIFT', 'critical', 3],
      ['CREATE_SALE', 'high', 1],
      ['CREATE_SALE', 'high', 2],
    ]);
    const close = (await db.outbox.toArray()).find((entry) => entry.type === 'CLOSE_SHIFT');
    expect(close?.data).toMatchObject({ recorded: { sales: 1, refunds: 0, movements: 1 } });
    const sale = testSale();
    expect(z).toMatchObject({ float: 20_000, cashOut: 3000, counted: 23_000, sales: { count: 1 } });
    expect(z.expectedCash).toBe(20_000 - 3000 + sale.totalAmount);
    expect(await getOpenShift()).toBeUndefined();
    const [stored] = await db.shifts.toArray();
    if (!stored) throw new Error('the shift is not stored');
    expect(await reportOf(stored)).toEqual(z);
  });

  it('SH1: one shift at a time; a movement or close without an open shift writes nothing', async () => {
    await expect(recordCashMovement('in', 100, 'Change')).rejects.toThrow(ShiftError);
    await expect(closeShift({})).rejects.toThrow(ShiftError);
    await openShift(0);
    await expect(openShift(0)).rejects.toThrow(ShiftError);
    expect(await db.shifts.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('SH2: a movement of nothing, or without a reason, is refused and writes nothing', async () => {
    await openShift(0);
    await expect(recordCashMovement('in', 0, 'Change')).rejects.toThrow();
    await expect(recordCashMovement('out', 500, '  ')).rejects.toThrow();
    await expect(recordCashMovement('out', 12.5, 'Bread')).rejects.toThrow();
    expect(await db.cashMovements.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });
});
