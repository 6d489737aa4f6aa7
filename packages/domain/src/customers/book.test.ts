import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refund } from '../sales/refund.js';
import type { SaleContent } from '../sales/sale.js';
import { bookBalance, bookEntries, bookRoom } from './book.js';
import { customerSchema, type AccountPayment } from './customer.js';

const THANDI = '00000000-0000-4000-8000-0000000000c1';
const SIPHO = '00000000-0000-4000-8000-0000000000c2';
const PRODUCT = '00000000-0000-4000-8000-000000000001';

const onBook = (customerId: string, amount: number, cash: number, at: string): SaleContent => ({
  localId: `sale_${at.replace(/\D/g, '')}`,
  items: [{ productId: PRODUCT, name: 'Maize meal', quantity: 1, price: amount + cash }],
  totalAmount: amount + cash,
  paymentMethod: cash > 0 ? 'split' : 'account',
  tendered: amount + cash,
  change: 0,
  tenders: [{ method: 'account', amount }, ...(cash > 0 ? [{ method: 'cash' as const, amount: cash }] : [])],
  customerId,
  createdAt: at,
});
const payment = (customerId: string, amount: number, at: string): AccountPayment => ({
  localId: `pay_${at.replace(/\D/g, '')}`,
  customerId,
  amount,
  method: 'cash',
  createdAt: at,
});

describe('the book (SPEC CU)', () => {
  it('CU2: sales on the book less payments and refunds to it, oldest first, with the running balance', () => {
    const refund: Refund = {
      localId: 'refund_00000001',
      sale: { deviceId: PRODUCT, localId: 'sale_1' },
      items: [{ productId: PRODUCT, name: 'Maize meal', quantity: 1, price: 500 }],
      amount: 500,
      method: 'account',
      customerId: THANDI,
      restock: true,
      reason: 'Torn bag',
      createdAt: '2026-11-30T12:00:00+02:00',
    };
    const entries = bookEntries(THANDI, {
      sales: [
        onBook(THANDI, 3000, 1000, '2026-11-30T09:00:00+02:00'),
        onBook(SIPHO, 9999, 0, '2026-11-30T09:30:00+02:00'),
        onBook(THANDI, 2000, 0, '2026-11-30T11:00:00+02:00'),
      ],
      payments: [payment(THANDI, 1500, '2026-11-30T10:00:00+02:00')],
      refunds: [refund],
    });
    expect(entries.map(({ kind, amount, balance }) => [kind, amount, balance])).toEqual([
      ['sale', 3000, 3000],
      ['payment', -1500, 1500],
      ['sale', 2000, 3500],
      ['refund', -500, 3000],
    ]);
    expect(bookBalance(entries)).toBe(3000);
  });

  it('CU2: the balance does not depend on the order the records arrived in', () => {
    const sales = [1000, 2500, 400].map((amount, i) => onBook(THANDI, amount, 0, `2026-11-30T0${i + 1}:00:00+02:00`));
    const payments = [700, 300].map((amount, i) => payment(THANDI, amount, `2026-11-30T0${i + 4}:30:00+02:00`));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(sales, { minLength: 3 }),
        fc.shuffledSubarray(payments, { minLength: 2 }),
        (s, p) => {
          expect(bookEntries(THANDI, { sales: s, payments: p, refunds: [] })).toEqual(
            bookEntries(THANDI, { sales, payments, refunds: [] }),
          );
        },
      ),
    );
  });

  it('CU1: room on the book is the limit less the balance; no limit, no book', () => {
    expect(bookRoom(5000, 3000)).toBe(2000);
    expect(bookRoom(5000, 6000)).toBe(0);
    expect(bookRoom(null, 0)).toBe(0);
  });

  it('CU1: a customer has a name, a South African phone or none, and a limit in whole cents', () => {
    const customer = { id: THANDI, name: 'Thandi', phone: '082 555 1234', creditLimit: 50_000 };
    expect(customerSchema.parse(customer).phone).toBe('+27825551234');
    expect(customerSchema.safeParse({ ...customer, creditLimit: -1 }).success).toBe(false);
    expect(customerSchema.safeParse({ ...customer, creditLimit: 10.5 }).success).toBe(false);
    expect(customerSchema.safeParse({ ...customer, phone: '12' }).success).toBe(false);
    expect(customerSchema.safeParse({ ...customer, name: ' ' }).success).toBe(false);
  });
});
