import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRefund, refundExcess, refundOverpayment, refundSchema, type Refund } from './refund.js';
import type { SaleLine } from './sale.js';

const PRODUCTS = ['a', 'b', 'c'].map((letter) => `00000000-0000-4000-8000-00000000000${letter}`);
const [BREAD = '', MILK = ''] = PRODUCTS;

const line = (productId: string, quantity: number, price = 1000): SaleLine => ({
  productId,
  name: 'Item',
  quantity,
  price,
});

function refundOf(items: SaleLine[], overrides: Partial<Refund> = {}): Refund {
  return {
    localId: 'refund_0000000001',
    sale: { deviceId: '00000000-0000-4000-8000-0000000000d1', localId: 'sale_0000000001' },
    items,
    amount: items.reduce((sum, item) => sum + item.price * item.quantity, 0),
    method: 'cash',
    restock: true,
    reason: 'Returned unopened',
    createdAt: '2026-11-23T14:22:00+02:00',
    ...overrides,
  };
}

describe('refunds (SPEC RF)', () => {
  it('RF2: the amount must be the sum of the lines', () => {
    expect(checkRefund(refundOf([line(BREAD, 2, 1899)]))).toEqual([]);
    expect(checkRefund(refundOf([line(BREAD, 2, 1899)], { amount: 1899 }))).toEqual([
      'The amount 1899 is not the sum of the lines (3798).',
    ]);
  });

  it('refuses bad input: no lines, a negative or fractional quantity, a negative amount', () => {
    const good = refundOf([line(BREAD, 1)]);
    expect(refundSchema.safeParse(good).success).toBe(true);
    expect(refundSchema.safeParse({ ...good, items: [] }).success).toBe(false);
    expect(refundSchema.safeParse({ ...good, items: [line(BREAD, -1)] }).success).toBe(false);
    expect(refundSchema.safeParse({ ...good, items: [line(BREAD, 1.5)] }).success).toBe(false);
    expect(refundSchema.safeParse({ ...good, amount: -5 }).success).toBe(false);
    expect(refundSchema.safeParse({ ...good, reason: ' ' }).success).toBe(false);
  });

  it('RF3: a refund within what is left of the sale fits; more units or a higher price do not', () => {
    const sale = { items: [line(BREAD, 3, 1899), line(MILK, 1, 2199)] };
    expect(refundExcess(sale, [], { items: [line(BREAD, 2, 1899)] })).toEqual([]);
    expect(refundExcess(sale, [{ items: [line(BREAD, 2, 1899)] }], { items: [line(BREAD, 2, 1899)] })).toEqual([
      { productId: BREAD, requested: 2, refundable: 1, overpriced: false },
    ]);
    expect(refundExcess(sale, [], { items: [line(MILK, 1, 2500)] })).toEqual([
      { productId: MILK, requested: 1, refundable: 1, overpriced: true },
    ]);
    const [, , OTHER = ''] = PRODUCTS;
    expect(refundExcess(sale, [], { items: [line(OTHER, 1)] })).toEqual([
      { productId: OTHER, requested: 1, refundable: 0, overpriced: true },
    ]);
  });

  it('RF3: across any sequence of partial refunds, the refunds that fit never return more than was sold or paid', () => {
    const saleArb = fc.array(
      fc.record({ productId: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 5 }) }),
      { minLength: 1, maxLength: 4 },
    );
    const attemptArb = fc.array(
      fc.array(fc.record({ productId: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 4 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(saleArb, attemptArb, (soldLines, attempts) => {
        const sale = { items: soldLines.map(({ productId, quantity }) => line(productId, quantity, 1000)) };
        const applied: { items: SaleLine[] }[] = [];
        for (const attempt of attempts) {
          const refund = { items: attempt.map(({ productId, quantity }) => line(productId, quantity, 1000)) };
          if (refundExcess(sale, applied, refund).length === 0) applied.push(refund);
        }
        const total = (lines: readonly SaleLine[]) => lines.reduce((sum, item) => sum + item.price * item.quantity, 0);
        expect(applied.reduce((sum, refund) => sum + total(refund.items), 0)).toBeLessThanOrEqual(total(sale.items));
        for (const productId of PRODUCTS) {
          const units = (lines: readonly SaleLine[]) =>
            lines.filter((item) => item.productId === productId).reduce((sum, item) => sum + item.quantity, 0);
          expect(applied.reduce((sum, refund) => sum + units(refund.items), 0)).toBeLessThanOrEqual(units(sale.items));
        }
      }),
    );
  });

  it("RF2, RF7: a rounded sale's last refund may be up to 9 cents short; credit and the book name a customer", () => {
    const items = [line(BREAD, 1, 1005)];
    expect(checkRefund(refundOf(items, { amount: 1000 }))).toEqual([]);
    expect(checkRefund(refundOf(items, { amount: 995 }))).toHaveLength(1);
    expect(checkRefund(refundOf(items, { method: 'store_credit' }))).toEqual([
      'Store credit and the book need a customer.',
    ]);
    const customerId = '00000000-0000-4000-8000-0000000000c1';
    expect(checkRefund(refundOf(items, { method: 'store_credit', customerId }))).toEqual([]);
  });

  it('RF3, RF6: any sequence of partial refunds of a sale sold at several prices, rounded, never returns more items or money', () => {
    const soldArb = fc.array(
      fc.record({
        productId: fc.constantFrom(...PRODUCTS),
        quantity: fc.integer({ min: 1, max: 5 }),
        price: fc.integer({ min: 0, max: 5000 }),
      }),
      { minLength: 1, maxLength: 5 },
    );
    const attemptArb = fc.array(
      fc.array(
        fc.record({
          productId: fc.constantFrom(...PRODUCTS),
          quantity: fc.integer({ min: 1, max: 4 }),
          price: fc.integer({ min: 0, max: 5000 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      { maxLength: 8 },
    );
    const total = (lines: readonly SaleLine[]) => lines.reduce((sum, item) => sum + item.price * item.quantity, 0);
    fc.assert(
      fc.property(soldArb, attemptArb, fc.boolean(), (soldLines, attempts, rounded) => {
        const sale = { items: soldLines.map(({ productId, quantity, price }) => line(productId, quantity, price)) };
        const paid = rounded ? total(sale.items) - (total(sale.items) % 10) : total(sale.items);
        const applied: { items: SaleLine[]; amount: number }[] = [];
        for (const attempt of attempts) {
          const items = attempt.map(({ productId, quantity, price }) => line(productId, quantity, price));
          // The till pays back the lines, less what the rounding kept (RF2).
          const left = paid - applied.reduce((sum, refund) => sum + refund.amount, 0);
          const refund = { items, amount: Math.min(total(items), Math.max(left, total(items) - 9)) };
          if (refundExcess(sale, applied, refund).length === 0 && refundOverpayment(paid, applied, refund) === 0) {
            applied.push(refund);
          }
        }
        expect(applied.reduce((sum, refund) => sum + refund.amount, 0)).toBeLessThanOrEqual(paid);
        for (const productId of PRODUCTS) {
          const units = (lines: readonly SaleLine[]) =>
            lines.filter((item) => item.productId === productId).reduce((sum, item) => sum + item.quantity, 0);
          expect(applied.reduce((sum, refund) => sum + units(refund.items), 0)).toBeLessThanOrEqual(units(sale.items));
        }
      }),
      { numRuns: 500 },
    );
  });
});
