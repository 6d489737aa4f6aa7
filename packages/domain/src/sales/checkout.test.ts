import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLine, cartTotals, changeQuantity, overridePrice, removeLine, EMPTY_CART, type Cart } from './cart/index.js';
import { checkoutSale, dueFor } from './checkout.js';
import { checkSale, lineTotal } from './sale.js';
import { TENDER_METHODS, type Tender, type TenderMethod } from './tenders.js';
import type { TaxClass } from './vat.js';

const CUSTOMER = '00000000-0000-4000-8000-0000000000c1';
const MANAGER = '00000000-0000-4000-8000-0000000000aa';
const product = (n: number, price: number, taxClass: TaxClass) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `Product ${n}`,
  price,
  taxClass,
});
const PRODUCTS = [
  product(0, 1899, 'standard'),
  product(1, 0, 'zero'),
  product(2, 12_999, 'exempt'),
  product(3, 5, 'standard'),
];

/** Any sequence of cart commands, applied as the till would (refusals leave the cart as it was). */
const commandArb = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    product: fc.integer({ min: 0, max: 3 }),
    quantity: fc.integer({ min: -2, max: 12 }),
    grams: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('quantity' as const), line: fc.nat(6), quantity: fc.integer({ min: -1, max: 30 }) }),
  fc.record({ kind: fc.constant('override' as const), line: fc.nat(6), price: fc.integer({ min: -1, max: 20_000 }) }),
  fc.record({ kind: fc.constant('remove' as const), line: fc.nat(6) }),
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

function run(commands: readonly Command[]): Cart {
  let cart: Cart = EMPTY_CART;
  for (const [n, command] of commands.entries()) {
    const lineId = cart.lines[command.kind === 'add' ? 0 : command.line % Math.max(cart.lines.length, 1)]?.lineId ?? '';
    const result =
      command.kind === 'add'
        ? addLine(cart, PRODUCTS[command.product % PRODUCTS.length] ?? product(0, 1, 'standard'), {
            lineId: `line${n}`,
            quantity: command.quantity,
            ...(command.grams !== undefined && { grams: command.grams }),
          })
        : command.kind === 'quantity'
          ? changeQuantity(cart, lineId, command.quantity)
          : command.kind === 'override'
            ? overridePrice(cart, lineId, command.price, MANAGER)
            : removeLine(cart, lineId);
    if (result.ok) cart = result.cart;
  }
  return cart;
}

/** Splits `due` into up to three parts of random methods; cash may be over-tendered. */
const tendersArb = (due: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom<TenderMethod>(...TENDER_METHODS), { minLength: 1, maxLength: 3 }),
      fc.array(fc.nat(due), { minLength: 2, maxLength: 2 }),
      fc.nat(20_000),
    )
    .map(([methods, cuts, extra]) => {
      const points = [0, ...cuts.slice(0, methods.length - 1).sort((a, b) => a - b), due];
      return methods.map((method, i): Tender => {
        const amount = (points[i + 1] ?? due) - (points[i] ?? 0);
        if (method === 'cash') return { method, amount, tendered: amount + extra };
        return method === 'mobile_money' ? { method, amount, provider: 'payshap' } : { method, amount };
      });
    });

describe('checkout (SPEC S1, V3, P1, R1)', () => {
  it('S1: after any sequence of cart commands, the total is the sum of price × quantity over the lines', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 30 }), (commands) => {
        const cart = run(commands);
        const sum = cart.lines.reduce((total, line) => total + line.price * line.quantity, 0);
        expect(cartTotals(cart.lines).total).toBe(sum);
        expect(cartTotals(cart.lines).total).toBe(cart.lines.reduce((total, line) => total + lineTotal(line), 0));
      }),
      { numRuns: 500 },
    );
  });

  it('P1, R1: a sale the checkout accepts is paid exactly: tenders cover the total, change is only cash', () => {
    const caseArb = fc
      .record({ commands: fc.array(commandArb, { minLength: 1, maxLength: 15 }), roundCash: fc.boolean() })
      .map(({ commands, roundCash }) => ({ cart: { ...run(commands), customerId: CUSTOMER }, roundCash }))
      .filter(({ cart }) => cart.lines.length > 0)
      .chain(({ cart, roundCash }) =>
        fc.record({
          cart: fc.constant(cart),
          roundCash: fc.constant(roundCash),
          // Split the unrounded total: when all of it is cash and the shop rounds, that is an over-payment.
          tenders: tendersArb(dueFor(cart, [{ method: 'card' }], roundCash)),
          // Shift the first part by a few cents: a short or over payment must be refused.
          skew: fc.integer({ min: -2, max: 2 }),
        }),
      );
    fc.assert(
      fc.property(caseArb, ({ cart, roundCash, tenders, skew }) => {
        const paid = tenders.map((tender, i) =>
          i === 0 && tender.amount + skew >= 0 ? { ...tender, amount: tender.amount + skew } : tender,
        );
        const due = dueFor(cart, paid, roundCash);
        const applied = paid.reduce((sum, tender) => sum + tender.amount, 0);
        const result = checkoutSale({
          cart,
          tenders: paid,
          roundCash,
          localId: 'sale_checkout1',
          createdAt: '2026-11-30T10:00:00+02:00',
        });
        if (!('sale' in result)) {
          expect(applied === due && paid.every((tender) => tender.amount > 0 || due === 0)).toBe(false);
          return;
        }
        const { sale } = result;
        const total = cartTotals(cart.lines).total;
        expect(applied).toBe(due);
        expect(sale.totalAmount).toBe(total);
        expect(total - applied).toBe(sale.rounding);
        expect(sale.rounding).toBeLessThanOrEqual(9);
        const cash = paid.filter((tender) => tender.method === 'cash');
        const cashBack = cash.reduce((sum, tender) => sum + (tender.tendered ?? tender.amount) - tender.amount, 0);
        expect(sale.change).toBe(cashBack);
        expect(sale.tendered - sale.change).toBe(applied);
        expect(checkSale(sale)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkout with a buyer (VD4)', () => {
  it('records the buyer a full tax invoice names, and refuses one with a wrong VAT number', () => {
    const added = addLine(EMPTY_CART, product(2, 600_000, 'standard'), { lineId: 'line0' });
    if (!added.ok) throw new Error(added.error);
    const checkout = {
      cart: added.cart,
      tenders: [{ method: 'card' as const, amount: 600_000 }],
      roundCash: false,
      localId: 'sale_checkout2',
      createdAt: '2026-11-30T10:00:00+02:00',
    };
    const buyer = { name: 'Ubuntu Builders', address: '4 Main Rd, Durban', vatNumber: '4987654321' };
    const result = checkoutSale({ ...checkout, buyer });
    expect('sale' in result && result.sale.buyer).toEqual(buyer);
    expect(checkoutSale(checkout)).not.toHaveProperty('sale.buyer');
    expect(checkoutSale({ ...checkout, buyer: { ...buyer, vatNumber: '123' } })).toHaveProperty('problems');
  });
});
