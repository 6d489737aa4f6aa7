import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refund } from '../sales/refund.js';
import type { SaleContent } from '../sales/sale.js';
import { TENDER_METHODS, type Tender } from '../sales/tenders.js';
import { cashCountSchema, countedCash, type CashMovement } from './shift.js';
import { shiftReport } from './shiftReport.js';

const PRODUCT = '00000000-0000-4000-8000-000000000001';
const MANAGER = '00000000-0000-4000-8000-0000000000aa';
const at = '2026-11-30T10:00:00+02:00';

function sale(total: number, tenders: Tender[], extra: Partial<SaleContent> = {}): SaleContent {
  return {
    localId: `sale_${Math.random().toString(36).slice(2, 12)}`,
    items: [{ productId: PRODUCT, name: 'Bread', quantity: 1, price: total }],
    totalAmount: total,
    paymentMethod: tenders.length > 1 ? 'split' : (tenders[0]?.method ?? 'cash'),
    tendered: total,
    change: 0,
    tenders,
    createdAt: at,
    ...extra,
  };
}

const refund = (amount: number, method: Refund['method'], kind: Refund['kind'] = 'refund'): Refund => ({
  localId: `refund_${Math.random().toString(36).slice(2, 12)}`,
  sale: { deviceId: PRODUCT, localId: 'sale_0000000001' },
  items: [{ productId: PRODUCT, name: 'Bread', quantity: 1, price: amount }],
  amount,
  method,
  kind,
  restock: true,
  reason: 'Returned',
  createdAt: at,
});

const movement = (kind: 'in' | 'out', amount: number): CashMovement => ({
  localId: `cash_${Math.random().toString(36).slice(2, 12)}`,
  shiftId: 'shift_00000001',
  kind,
  amount,
  reason: kind === 'in' ? 'Change from the bank' : 'Paid the bread delivery',
  at,
});

describe('shift reports (SPEC SH)', () => {
  it('SH4, SH5: by tender, refunds, voids, overrides, VAT, expected cash and the variance of the blind count', () => {
    const report = shiftReport({
      float: 50_000,
      sales: [
        sale(5997, [{ method: 'cash', amount: 5997, tendered: 10_000 }], { vat: 782 }),
        sale(10_000, [
          { method: 'card', amount: 6000 },
          { method: 'cash', amount: 4000 },
        ]),
        sale(1500, [{ method: 'mobile_money', amount: 1500, provider: 'payshap' }], {
          items: [
            {
              productId: PRODUCT,
              name: 'Bread',
              quantity: 2,
              price: 750,
              override: { listPrice: 999, approvedBy: MANAGER },
            },
          ],
        }),
      ],
      refunds: [refund(1000, 'cash'), refund(2000, 'card'), refund(5997, 'cash', 'void')],
      movements: [movement('in', 2000), movement('out', 3000)],
      counted: 45_000,
    });
    expect(report.sales).toMatchObject({ count: 3, gross: 17_497, vat: 782 });
    expect(report.sales.byTender).toMatchObject({ cash: 9997, card: 6000, mobile_money: 1500 });
    expect(report.refunds).toMatchObject({ count: 2, amount: 3000 });
    expect(report.refunds.byMethod).toMatchObject({ cash: 1000, card: 2000 });
    expect(report.voids).toEqual({ count: 1, amount: 5997 });
    expect(report.overrides).toEqual({ count: 1, given: 498 });
    // 50 000 + 9 997 − (1 000 + 5 997) + 2 000 − 3 000
    expect(report.expectedCash).toBe(52_000);
    expect(report.variance).toBe(-7000);
  });

  it('SH4: an X report has no count and no variance', () => {
    const report = shiftReport({ float: 10_000, sales: [], refunds: [], movements: [] });
    expect(report).toMatchObject({ expectedCash: 10_000, counted: null, variance: null });
  });

  it('SH4: the tenders of any set of sales add up to what those sales took', () => {
    const tenderArb = fc.record({
      method: fc.constantFrom(...TENDER_METHODS),
      amount: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(tenderArb, { minLength: 1, maxLength: 4 }), { maxLength: 30 }), (salesTenders) => {
        const sales = salesTenders.map((tenders) =>
          sale(
            tenders.reduce((sum, tender) => sum + tender.amount, 0),
            tenders as Tender[],
          ),
        );
        const report = shiftReport({ float: 0, sales, refunds: [], movements: [] });
        const taken = Object.values(report.sales.byTender).reduce((sum, amount) => sum + amount, 0);
        expect(taken).toBe(report.sales.gross - report.sales.rounding);
      }),
    );
  });

  it('SH3: a count is notes and coins per denomination; anything else is refused', () => {
    expect(countedCash({ '20000': 2, '1000': 3, '50': 1 })).toBe(43_050);
    expect(cashCountSchema.safeParse({ '20000': 2 }).success).toBe(true);
    expect(cashCountSchema.safeParse({ '300': 1 }).success).toBe(false);
    expect(cashCountSchema.safeParse({ '100': -1 }).success).toBe(false);
    expect(cashCountSchema.safeParse({ '100': 1.5 }).success).toBe(false);
  });
});
