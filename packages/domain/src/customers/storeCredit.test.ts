import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refund } from '../sales/refund.js';
import type { SaleContent } from '../sales/sale.js';
import type { Tender } from '../sales/tenders.js';
import { bookBalance, bookEntries } from './book.js';
import type { AccountPayment } from './customer.js';
import { storeCreditBalance, storeCreditEntries, storeCreditRoom } from './storeCredit.js';

const THANDI = '00000000-0000-4000-8000-0000000000c1';
const SIPHO = '00000000-0000-4000-8000-0000000000c2';
const PRODUCT = '00000000-0000-4000-8000-000000000001';
const SELLER = '00000000-0000-4000-8000-0000000000d1';

const time = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, 0) + minute * 60_000).toISOString();

function sale(id: number, customerId: string, tenders: Tender[], minute: number): SaleContent {
  const total = tenders.reduce((sum, tender) => sum + tender.amount, 0);
  return {
    localId: `sale_${String(id).padStart(8, '0')}`,
    items: [{ productId: PRODUCT, name: 'Maize meal', quantity: 1, price: total }],
    totalAmount: total,
    paymentMethod: tenders.length > 1 ? 'split' : (tenders[0]?.method ?? 'cash'),
    tendered: total,
    change: 0,
    tenders,
    customerId,
    createdAt: time(minute),
  };
}

function refund(id: number, customerId: string, method: Refund['method'], amount: number, minute: number): Refund {
  return {
    localId: `refund_${String(id).padStart(8, '0')}`,
    sale: { deviceId: SELLER, localId: 'sale_00000001' },
    items: [{ productId: PRODUCT, name: 'Maize meal', quantity: 1, price: amount }],
    amount,
    method,
    customerId,
    restock: true,
    reason: 'Torn bag',
    createdAt: time(minute),
  };
}

describe('store credit (SPEC CU5)', () => {
  it('CU5: refunds to store credit give it, store-credit tenders spend it, oldest first', () => {
    const entries = storeCreditEntries(THANDI, {
      refunds: [
        refund(1, THANDI, 'store_credit', 5000, 10),
        refund(2, THANDI, 'cash', 700, 11),
        refund(3, SIPHO, 'store_credit', 900, 12),
      ],
      sales: [
        sale(
          2,
          THANDI,
          [
            { method: 'store_credit', amount: 3000 },
            { method: 'cash', amount: 1000 },
          ],
          20,
        ),
        sale(3, THANDI, [{ method: 'cash', amount: 1000 }], 30),
      ],
    });
    expect(entries.map(({ kind, amount, credit }) => [kind, amount, credit])).toEqual([
      ['refund', 5000, 5000],
      ['sale', -3000, 2000],
    ]);
    expect(storeCreditBalance(entries)).toBe(2000);
    expect(storeCreditBalance([])).toBe(0);
  });

  it('CU5: a split refund gives only its store-credit part (RF8)', () => {
    const split: Refund = {
      ...refund(4, THANDI, 'split', 3000, 5),
      tenders: [
        { method: 'cash', amount: 1000 },
        { method: 'store_credit', amount: 2000 },
      ],
    };
    expect(storeCreditBalance(storeCreditEntries(THANDI, { refunds: [split], sales: [] }))).toBe(2000);
  });

  it('CU5: a sale may spend at most the credit the customer has, and nothing of a debt', () => {
    expect(storeCreditRoom(2000)).toBe(2000);
    expect(storeCreditRoom(-500)).toBe(0);
  });
});

/** Any mix of book and store-credit records of two customers, in any order of arrival. */
const records = fc
  .array(
    fc.record({
      kind: fc.constantFrom('book-sale', 'credit-sale', 'payment', 'book-refund', 'credit-refund'),
      customer: fc.constantFrom(THANDI, SIPHO),
      amount: fc.integer({ min: 1, max: 500_000 }),
      minute: fc.integer({ min: 0, max: 600 }),
    }),
    { maxLength: 40 },
  )
  .map((drawn) => {
    const sales: SaleContent[] = [];
    const payments: AccountPayment[] = [];
    const refunds: Refund[] = [];
    drawn.forEach(({ kind, customer, amount, minute }, id) => {
      if (kind === 'book-sale') sales.push(sale(id, customer, [{ method: 'account', amount }], minute));
      if (kind === 'credit-sale') sales.push(sale(id, customer, [{ method: 'store_credit', amount }], minute));
      if (kind === 'book-refund') refunds.push(refund(id, customer, 'account', amount, minute));
      if (kind === 'credit-refund') refunds.push(refund(id, customer, 'store_credit', amount, minute));
      if (kind === 'payment') {
        payments.push({
          localId: `pay_${String(id).padStart(8, '0')}`,
          customerId: customer,
          amount,
          method: 'cash',
          createdAt: time(minute),
        });
      }
    });
    return { sales, payments, refunds };
  });

describe('balances from records alone (SPEC CU2, CU5)', () => {
  it('CU2, CU5: each balance is the sum of its entries, and the last running figure, in any order of arrival', () => {
    fc.assert(
      fc.property(records, fc.infiniteStream(fc.nat()), (activity, seeds) => {
        const shuffle = <T>(list: readonly T[]) =>
          list
            .map((item) => ({ item, key: seeds.next().value }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const arrived = {
          sales: shuffle(activity.sales),
          payments: shuffle(activity.payments),
          refunds: shuffle(activity.refunds),
        };
        for (const customer of [THANDI, SIPHO]) {
          const book = bookEntries(customer, activity);
          const credit = storeCreditEntries(customer, activity);
          expect(bookBalance(book)).toBe(book.reduce((sum, entry) => sum + entry.amount, 0));
          expect(storeCreditBalance(credit)).toBe(credit.reduce((sum, entry) => sum + entry.amount, 0));
          expect(bookEntries(customer, arrived)).toEqual(book);
          expect(storeCreditEntries(customer, arrived)).toEqual(credit);
        }
      }),
    );
  });
});
