import { refundTendersOf, type Refund } from '../sales/refund.js';
import { tendersOf, type SaleContent } from '../sales/sale.js';

/** One movement of a customer's store credit, oldest first, with the credit left after it. */
export interface StoreCreditEntry {
  at: string;
  /** `refund`: credit given (a refund to store credit); `sale`: credit spent (a `store_credit` tender). */
  kind: 'refund' | 'sale';
  /** The refund's or sale's local id. */
  reference: string;
  /** Positive: credit given; negative: credit spent. */
  amount: number;
  credit: number;
}

export interface StoreCreditActivity {
  sales: readonly Pick<SaleContent, 'localId' | 'customerId' | 'createdAt' | 'tenders' | 'tendered' | 'totalAmount'>[];
  refunds: readonly Pick<Refund, 'localId' | 'customerId' | 'createdAt' | 'method' | 'amount' | 'tenders'>[];
}

/**
 * CU5: a customer's store credit is what refunds gave them as store credit less
 * what `store_credit` tenders of their sales spent, from those records alone,
 * oldest first (device time, then id): like the book (CU2), every device and the
 * server agree whatever order the records arrived in.
 */
export function storeCreditEntries(customerId: string, { sales, refunds }: StoreCreditActivity): StoreCreditEntry[] {
  const entries: Omit<StoreCreditEntry, 'credit'>[] = [];
  for (const refund of refunds) {
    if (refund.customerId !== customerId) continue;
    const given = refundTendersOf(refund).reduce(
      (sum, tender) => sum + (tender.method === 'store_credit' ? tender.amount : 0),
      0,
    );
    if (given > 0) entries.push({ at: refund.createdAt, kind: 'refund', reference: refund.localId, amount: given });
  }
  for (const sale of sales) {
    if (sale.customerId !== customerId) continue;
    const spent = tendersOf(sale).reduce(
      (sum, tender) => sum + (tender.method === 'store_credit' ? tender.amount : 0),
      0,
    );
    if (spent > 0) entries.push({ at: sale.createdAt, kind: 'sale', reference: sale.localId, amount: -spent });
  }
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.reference.localeCompare(b.reference));
  let credit = 0;
  return entries.map((entry) => {
    credit += entry.amount;
    return { ...entry, credit };
  });
}

export const storeCreditBalance = (entries: readonly StoreCreditEntry[]) => entries.at(-1)?.credit ?? 0;

/** CU5: how much store credit a sale may spend: what the customer has, never less than nothing. */
export const storeCreditRoom = (credit: number) => Math.max(credit, 0);
