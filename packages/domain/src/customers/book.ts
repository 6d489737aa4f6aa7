import { refundTendersOf, type Refund } from '../sales/refund.js';
import { tendersOf, type SaleContent } from '../sales/sale.js';
import type { AccountPayment } from './customer.js';

/** One entry of a customer's book, oldest first, with the balance after it. */
export interface BookEntry {
  at: string;
  kind: 'sale' | 'payment' | 'refund';
  /** The sale's or payment's local id. */
  reference: string;
  /** Positive: owed more (a sale on the book); negative: paid or refunded. */
  amount: number;
  balance: number;
}

/** What the book reads of each record: the device has them whole, the server as stored. */
export interface BookActivity {
  sales: readonly Pick<SaleContent, 'localId' | 'customerId' | 'createdAt' | 'tenders' | 'tendered' | 'totalAmount'>[];
  payments: readonly Pick<AccountPayment, 'localId' | 'customerId' | 'createdAt' | 'amount'>[];
  refunds: readonly Pick<Refund, 'localId' | 'customerId' | 'createdAt' | 'method' | 'amount' | 'tenders'>[];
}

/**
 * CU2: what a customer owes is what they bought on the book, less what they
 * paid against it and what was refunded to it, from those records alone: every
 * device and the server agree, however the records arrived.
 */
export function bookEntries(customerId: string, { sales, payments, refunds }: BookActivity): BookEntry[] {
  const entries: Omit<BookEntry, 'balance'>[] = [];
  for (const sale of sales) {
    if (sale.customerId !== customerId) continue;
    const owed = tendersOf(sale).reduce((sum, tender) => sum + (tender.method === 'account' ? tender.amount : 0), 0);
    if (owed > 0) entries.push({ at: sale.createdAt, kind: 'sale', reference: sale.localId, amount: owed });
  }
  for (const payment of payments) {
    if (payment.customerId !== customerId) continue;
    entries.push({ at: payment.createdAt, kind: 'payment', reference: payment.localId, amount: -payment.amount });
  }
  for (const refund of refunds) {
    if (refund.customerId !== customerId) continue;
    const back = refundTendersOf(refund).reduce(
      (sum, tender) => sum + (tender.method === 'account' ? tender.amount : 0),
      0,
    );
    if (back > 0) entries.push({ at: refund.createdAt, kind: 'refund', reference: refund.localId, amount: -back });
  }
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.reference.localeCompare(b.reference));
  let balance = 0;
  return entries.map((entry) => {
    balance += entry.amount;
    return { ...entry, balance };
  });
}

export const bookBalance = (entries: readonly BookEntry[]) => entries.at(-1)?.balance ?? 0;

/**
 * CU1: whether `amount` more may go on the book: only with a credit limit, and
 * only up to it. Returns how much room is left either way.
 */
export function bookRoom(creditLimit: number | null, balance: number): number {
  return creditLimit === null ? 0 : Math.max(creditLimit - balance, 0);
}
