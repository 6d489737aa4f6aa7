import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/cents.js';
import { cashChange, checkSale, isTooFarInFuture, saleContentSchema, saleTotal, type SaleContent } from './sale.js';

const productId = '0190a4d2-6b7c-7d8e-9f01-23456789abcd';

function sale(overrides: Partial<SaleContent> = {}): SaleContent {
  return {
    localId: 'sale_0001abcd',
    items: [
      { productId, name: 'Bread', quantity: 2, price: 1599 },
      { productId, name: 'Milk', quantity: 1, price: 2499 },
    ],
    totalAmount: 5697,
    paymentMethod: 'cash',
    tendered: 10000,
    change: 4303,
    createdAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

describe('sale totals (S1)', () => {
  it('S1: the total is the sum of price × quantity over the lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ price: fc.integer({ min: 0, max: 100_000 }), quantity: fc.integer({ min: 1, max: 100 }) }),
          {
            minLength: 1,
            maxLength: 50,
          },
        ),
        (lines) => {
          const expected = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
          expect(saleTotal(lines)).toBe(expected);
        },
      ),
    );
  });
});

describe('cash change (S3)', () => {
  it('S3: change is tendered less total, and never negative', () => {
    expect(cashChange(cents(5697), cents(10000))).toBe(4303);
    expect(cashChange(cents(5697), cents(5697))).toBe(0);
    expect(cashChange(cents(5697), cents(5000))).toBeNull();
  });
});

describe('checkSale', () => {
  it('accepts a sale that adds up', () => {
    expect(checkSale(sale())).toEqual([]);
  });

  it('names a wrong total, short tender and wrong change', () => {
    expect(checkSale(sale({ totalAmount: 5000 }))).toHaveLength(2);
    expect(checkSale(sale({ tendered: 100, change: 0 }))[0]).toMatch(/cash handed over is less/);
    expect(checkSale(sale({ change: 1 }))[0]).toMatch(/change should be 4303/);
  });
});

describe('saleContentSchema (S2)', () => {
  it('S2: rejects fractional or negative cents and quantities', () => {
    expect(saleContentSchema.safeParse(sale()).success).toBe(true);
    const line = { productId, name: 'Bread', quantity: 1, price: 15.5 };
    expect(saleContentSchema.safeParse(sale({ items: [line] })).success).toBe(false);
    expect(saleContentSchema.safeParse(sale({ items: [{ ...line, price: -1 }] })).success).toBe(false);
    expect(saleContentSchema.safeParse(sale({ items: [{ ...line, price: 100, quantity: 0.5 }] })).success).toBe(false);
    expect(saleContentSchema.safeParse(sale({ items: [] })).success).toBe(false);
  });
});

describe('device time (T1)', () => {
  it('T1: more than a day ahead is too far in the future', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(isTooFarInFuture('2026-11-24T09:59:00Z', now)).toBe(false);
    expect(isTooFarInFuture('2026-11-24T10:01:00Z', now)).toBe(true);
  });
});
