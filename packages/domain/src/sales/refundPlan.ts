import { paymentMethodOf, type TenderMethod } from './tenders.js';
import { lineTotal, tendersOf, type SaleContent, type SaleLine } from './sale.js';
import { checkRefund, refundExcess, refundTendersOf, type Refund, type RefundTender } from './refund.js';

/** What a refund reads of its sale. */
export type RefundableSale = Pick<
  SaleContent,
  'items' | 'totalAmount' | 'rounding' | 'tenders' | 'tendered' | 'customerId'
>;

/** What a refund reads of the refunds of the same sale before it. */
export type EarlierRefund = Pick<Refund, 'items' | 'amount' | 'method' | 'tenders'>;

/**
 * RF3 per line: the units of each of the sale's lines not yet returned, in the
 * sale's order. Earlier refunds name products, not lines, so what they returned
 * is taken from the product's lines first to last.
 */
export function refundableLines(sale: Pick<SaleContent, 'items'>, earlier: readonly EarlierRefund[]): number[] {
  const returned = new Map<string, number>();
  for (const line of earlier.flatMap((refund) => refund.items)) {
    returned.set(line.productId, (returned.get(line.productId) ?? 0) + line.quantity);
  }
  return sale.items.map((line) => {
    const taken = Math.min(returned.get(line.productId) ?? 0, line.quantity);
    returned.set(line.productId, (returned.get(line.productId) ?? 0) - taken);
    return line.quantity - taken;
  });
}

/** RF6: what the sale took (its total less cash rounding) and its refunds have not yet paid back. */
export function moneyLeft(sale: RefundableSale, earlier: readonly EarlierRefund[]): number {
  const paid = sale.totalAmount - (sale.rounding ?? 0);
  return Math.max(paid - earlier.reduce((sum, refund) => sum + refund.amount, 0), 0);
}

/** Where the cashier sends the money: as it was paid, all in cash, or as store credit. */
export type RefundDestination = 'original' | 'cash' | 'store_credit';

/**
 * RF8: the money back by tender. To the original tenders, each takes back at
 * most what it paid less what earlier refunds gave back to it; cards, mobile
 * money, store credit and the book first, in the sale's order, cash last, so a
 * card purchase is not turned into cash. Anything over (only when earlier
 * refunds went elsewhere) goes back in cash.
 */
export function refundTenders(
  sale: RefundableSale,
  earlier: readonly EarlierRefund[],
  amount: number,
  destination: RefundDestination,
): RefundTender[] {
  if (amount === 0) return [];
  if (destination !== 'original') return [{ method: destination, amount }];
  const left = new Map<TenderMethod, number>();
  for (const tender of tendersOf(sale)) left.set(tender.method, (left.get(tender.method) ?? 0) + tender.amount);
  for (const tender of earlier.flatMap(refundTendersOf)) {
    if (left.has(tender.method)) left.set(tender.method, (left.get(tender.method) ?? 0) - tender.amount);
  }
  const order = [...left.keys()].sort((a, b) => Number(a === 'cash') - Number(b === 'cash'));
  const parts = new Map<TenderMethod, number>();
  let due = amount;
  for (const method of order) {
    const part = Math.min(Math.max(left.get(method) ?? 0, 0), due);
    if (part > 0) parts.set(method, part);
    due -= part;
  }
  if (due > 0) parts.set('cash', (parts.get('cash') ?? 0) + due);
  return [...parts].map(([method, part]) => ({ method, amount: part }));
}

/** A line of the sale to return, by its index, and how many of its units. */
export interface ReturnPick {
  index: number;
  quantity: number;
}

export interface RefundRequest {
  localId: string;
  sale: Refund['sale'];
  kind: 'refund' | 'void';
  /** Ignored for a void, which returns every line in full. */
  picks: readonly ReturnPick[];
  destination: RefundDestination;
  restock: boolean;
  reason: string;
  /** The customer for store credit when the sale named none. */
  customerId?: string;
  shiftId?: string;
  createdAt: string;
}

/**
 * Builds the refund or void the cashier asked for, checked as the server checks
 * it (RF2, RF3, RF6–RF9), or says in plain words why it cannot be.
 */
export function planRefund(
  sale: RefundableSale,
  earlier: readonly EarlierRefund[],
  request: RefundRequest,
): { refund: Refund } | { problems: string[] } {
  const left = refundableLines(sale, earlier);
  const isVoid = request.kind === 'void';
  if (isVoid && earlier.length > 0) return { problems: ['A sale with refunds cannot be voided: refund what is left.'] };
  const picks = isVoid ? sale.items.map((line, index) => ({ index, quantity: line.quantity })) : request.picks;

  const problems: string[] = [];
  const items: SaleLine[] = [];
  for (const { index, quantity } of picks) {
    const line = sale.items[index];
    if (!line) problems.push(`The sale has no line ${index + 1}.`);
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > (left[index] ?? 0)) {
      problems.push(`${line.name}: ${left[index] ?? 0} left to return.`);
    } else items.push({ ...line, quantity });
  }
  if (items.length === 0 && problems.length === 0) problems.push('Choose what comes back.');
  if (!request.reason.trim()) problems.push('Say why it comes back.');
  if (problems.length > 0) return { problems };

  // RF6: a sale rounded down for cash pays back at most what it took, up to 9 cents short of its lines.
  const lines = items.reduce((sum, line) => sum + lineTotal(line), 0);
  const amount = Math.min(lines, moneyLeft(sale, earlier));
  if (lines - amount > 9) return { problems: ['The sale has no money left to pay back.'] };

  const destination = isVoid ? 'original' : request.destination;
  const tenders = refundTenders(sale, earlier, amount, destination);
  const usesCustomer = tenders.some((tender) => tender.method === 'store_credit' || tender.method === 'account');
  const customerId = request.customerId ?? sale.customerId;
  const refund: Refund = {
    localId: request.localId,
    sale: request.sale,
    items,
    amount,
    method: tenders.length === 0 ? 'cash' : paymentMethodOf(tenders),
    ...(tenders.length > 1 && { tenders }),
    kind: request.kind,
    ...(usesCustomer && customerId && { customerId }),
    ...(request.shiftId && { shiftId: request.shiftId }),
    restock: request.restock,
    reason: request.reason.trim(),
    createdAt: request.createdAt,
  };
  const excess = refundExcess(sale, earlier, refund);
  if (excess.length > 0) return { problems: ['More than the sale has left to return.'] };
  const invalid = checkRefund(refund);
  return invalid.length > 0 ? { problems: invalid } : { refund };
}
