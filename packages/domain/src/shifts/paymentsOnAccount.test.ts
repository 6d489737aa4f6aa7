import { describe, expect, it } from 'vitest';
import { shiftReport } from './shiftReport.js';
import { closeShiftSchema } from './shift.js';

describe('payments on account in a shift (SPEC SH7, CU3)', () => {
  it('SH7: cash paid on account is in the drawer; card and mobile money are reported but not counted as cash', () => {
    const report = shiftReport({
      float: 10_000,
      sales: [],
      refunds: [],
      movements: [],
      payments: [
        { amount: 10_000, method: 'cash' },
        { amount: 2500, method: 'card' },
        { amount: 1500, method: 'mobile_money' },
      ],
      counted: 20_000,
    });
    expect(report.paymentsOnAccount).toEqual({
      count: 3,
      amount: 14_000,
      byMethod: { cash: 10_000, card: 2500, mobile_money: 1500 },
    });
    expect(report.expectedCash).toBe(20_000);
    expect(report.variance).toBe(0);
  });

  it('SH7: a shift without payments reports none, as before customers', () => {
    const report = shiftReport({ float: 500, sales: [], refunds: [], movements: [] });
    expect(report.paymentsOnAccount).toEqual({ count: 0, amount: 0, byMethod: { cash: 0, card: 0, mobile_money: 0 } });
    expect(report.expectedCash).toBe(500);
  });

  it('SH6: a close from a device before customers (no payments count) is still accepted', () => {
    const close = { shiftId: 'shift_00000001', counted: {}, closedAt: '2026-11-30T18:00:00+02:00' };
    expect(closeShiftSchema.safeParse({ ...close, recorded: { sales: 1, refunds: 0, movements: 0 } }).success).toBe(
      true,
    );
    expect(
      closeShiftSchema.safeParse({ ...close, recorded: { sales: 1, refunds: 0, movements: 0, payments: 2 } }).success,
    ).toBe(true);
  });
});
