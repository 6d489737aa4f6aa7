import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRefund, refundExcess, refundTendersOf, type Refund } from './refund.js';
import {
  moneyLeft,
  planRefund,
  refundTenders,
  refundableLines,
  type RefundRequest,
  type RefundableSale,
} from './refundPlan.js';
import type { SaleLine } from './sale.js';

const BREAD = '00000000-0000-4000-8000-00000000000a';
const MILK = '00000000-0000-4000-8000-00000000000b';
const CUSTOMER = '00000000-0000-4000-8000-0000000000c1';

const line = (productId: string, quantity: number, price: number): SaleLine => ({
  productId,
  name: productId === BREAD ? 'Bread' : 'Milk',
  quantity,
  price,
});

const request = (overrides: Partial<RefundRequest> = {}): RefundRequest => ({
  localId: 'refund_0000000001',
  sale: { deviceId: '00000000-0000-4000-8000-0000000000d1', localId: 'sale_0000000001' },
  kind: 'refund',
  picks: [{ index: 0, quantity: 1 }],
  destination: 'original',
  restock: true,
  reason: 'Returned unopened',
  createdAt: '2026-11-30T10:00:00+02:00',
  ...overrides,
});

/** Bread ×3 at R18,99 and milk at R21,99 (R78,96), paid R50 by card and the rest in cash. */
const splitSale: RefundableSale = {
  items: [line(BREAD, 3, 1899), line(MILK, 1, 2199)],
  totalAmount: 7896,
  tendered: 7896,
  tenders: [
    { method: 'cash', amount: 2896, tendered: 2896 },
    { method: 'card', amount: 5000 },
  ],
};

function planned(sale: RefundableSale, earlier: Refund[], overrides: Partial<RefundRequest>): Refund {
  const result = planRefund(sale, earlier, request(overrides));
  if ('problems' in result) throw new Error(result.problems.join(' '));
  return result.refund;
}

describe('planning a refund at the till (SPEC RF8, RF9)', () => {
  it('RF3: what is left per line takes earlier refunds from the product’s lines first to last', () => {
    const sale = { items: [line(BREAD, 2, 1899), line(MILK, 1, 2199), line(BREAD, 1, 1500)] };
    expect(refundableLines(sale, [])).toEqual([2, 1, 1]);
    expect(refundableLines(sale, [{ items: [line(BREAD, 3, 1899)], amount: 0, method: 'cash' }])).toEqual([0, 1, 0]);
  });

  it('RF8: back to the original tenders: the card first, cash last', () => {
    expect(refundTenders(splitSale, [], 6000, 'original')).toEqual([
      { method: 'card', amount: 5000 },
      { method: 'cash', amount: 1000 },
    ]);
    const refund = planned(splitSale, [], { picks: [{ index: 0, quantity: 2 }] });
    expect(refund).toMatchObject({ amount: 3798, method: 'card' });
    expect(refund.tenders).toBeUndefined();
  });

  it('RF8: a card already paid back leaves the rest to cash; cash or store credit when asked', () => {
    const first = planned(splitSale, [], { picks: [{ index: 0, quantity: 2 }] });
    const second = planned(splitSale, [first], { localId: 'refund_0000000002', picks: [{ index: 1, quantity: 1 }] });
    expect(refundTendersOf(second)).toEqual([
      { method: 'card', amount: 1202 },
      { method: 'cash', amount: 997 },
    ]);
    expect(second.method).toBe('split');
    expect(refundTenders(splitSale, [], 1899, 'cash')).toEqual([{ method: 'cash', amount: 1899 }]);
    const credit = planned(splitSale, [], { destination: 'store_credit', customerId: CUSTOMER });
    expect(credit).toMatchObject({ method: 'store_credit', customerId: CUSTOMER });
  });

  it('RF9: a void returns every line and every tender as paid, and only before any refund', () => {
    const voided = planned(splitSale, [], { kind: 'void', picks: [] });
    expect(voided).toMatchObject({ kind: 'void', amount: 7896, method: 'split' });
    expect(voided.items).toEqual(splitSale.items);
    expect(voided.tenders).toEqual([
      { method: 'card', amount: 5000 },
      { method: 'cash', amount: 2896 },
    ]);
    const refund = planned(splitSale, [], {});
    expect(planRefund(splitSale, [refund], request({ kind: 'void' }))).toEqual({
      problems: ['A sale with refunds cannot be voided: refund what is left.'],
    });
  });

  it('refuses what cannot come back: more than is left, no line, a fraction, no reason', () => {
    const refund = planned(splitSale, [], { picks: [{ index: 1, quantity: 1 }] });
    expect(planRefund(splitSale, [refund], request({ picks: [{ index: 1, quantity: 1 }] }))).toEqual({
      problems: ['Milk: 0 left to return.'],
    });
    expect(planRefund(splitSale, [], request({ picks: [{ index: 0, quantity: 1.5 }] }))).toEqual({
      problems: ['Bread: 3 left to return.'],
    });
    expect(planRefund(splitSale, [], request({ picks: [{ index: 5, quantity: 1 }] }))).toEqual({
      problems: ['The sale has no line 6.'],
    });
    expect(planRefund(splitSale, [], request({ picks: [] }))).toEqual({ problems: ['Choose what comes back.'] });
    expect(planRefund(splitSale, [], request({ reason: ' ' }))).toEqual({ problems: ['Say why it comes back.'] });
    expect(planRefund(splitSale, [], request({ destination: 'store_credit' }))).toEqual({
      problems: ['Store credit and the book need a customer.'],
    });
  });

  it('RF3, RF6, RF8: any sequence of partial refunds never returns more items or money than the sale, nor more to a tender than it paid', () => {
    const saleArb = fc
      .record({
        lines: fc.array(
          fc.record({
            productId: fc.constantFrom(BREAD, MILK),
            quantity: fc.integer({ min: 1, max: 4 }),
            price: fc.integer({ min: 1, max: 5000 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        cardShare: fc.integer({ min: 0, max: 100 }),
        rounded: fc.boolean(),
      })
      .map(({ lines, cardShare, rounded }): RefundableSale => {
        const items = lines.map((l) => line(l.productId, l.quantity, l.price));
        const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
        const rounding = rounded && cardShare === 0 ? total % 10 : 0;
        const card = Math.floor(((total - rounding) * cardShare) / 100);
        const cash = total - rounding - card;
        const tenders = [
          ...(cash > 0 ? [{ method: 'cash' as const, amount: cash, tendered: cash }] : []),
          ...(card > 0 ? [{ method: 'card' as const, amount: card }] : []),
        ];
        return { items, totalAmount: total, rounding, tendered: total - rounding, tenders };
      });
    const attemptsArb = fc.array(
      fc.record({
        picks: fc.array(
          fc.record({ index: fc.integer({ min: 0, max: 4 }), quantity: fc.integer({ min: 1, max: 4 }) }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        destination: fc.constantFrom('original' as const, 'cash' as const),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(saleArb, attemptsArb, (sale, attempts) => {
        const applied: Refund[] = [];
        attempts.forEach((attempt, n) => {
          const result = planRefund(
            sale,
            applied,
            request({ ...attempt, localId: `refund_${String(n).padStart(10, '0')}` }),
          );
          if ('refund' in result) {
            expect(checkRefund(result.refund)).toEqual([]);
            expect(refundExcess(sale, applied, result.refund)).toEqual([]);
            applied.push(result.refund);
          }
        });
        const paid = sale.totalAmount - (sale.rounding ?? 0);
        expect(applied.reduce((sum, refund) => sum + refund.amount, 0)).toBeLessThanOrEqual(paid);
        expect(moneyLeft(sale, applied)).toBe(paid - applied.reduce((sum, refund) => sum + refund.amount, 0));
        const card = (sale.tenders ?? []).find((tender) => tender.method === 'card')?.amount ?? 0;
        const cardBack = applied
          .flatMap(refundTendersOf)
          .filter((tender) => tender.method === 'card')
          .reduce((sum, tender) => sum + tender.amount, 0);
        expect(cardBack).toBeLessThanOrEqual(card);
        expect(refundableLines(sale, applied).every((left) => left >= 0)).toBe(true);
      }),
    );
  });
});
