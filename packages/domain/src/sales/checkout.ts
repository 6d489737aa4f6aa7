import { cents } from '../money/cents.js';
import { cartTotals } from './cart/cartTotals.js';
import type { Cart } from './cart/cart.js';
import { checkSale, saleContentSchema, type Buyer, type SaleContent } from './sale.js';
import { amountDue, paymentMethodOf, settleTenders, type Tender } from './tenders.js';

export interface Checkout {
  cart: Cart;
  tenders: readonly Tender[];
  /** The shop rounds cash sales down to 10 cents (R1). */
  roundCash: boolean;
  localId: string;
  shiftId?: string;
  /** VD4: the buyer a full tax invoice names, captured at the till. */
  buyer?: Buyer;
  createdAt: string;
}

/** The amount the customer pays for a cart with these tenders (R1): rounded only when all of it is cash. */
export function dueFor(cart: Cart, tenders: readonly Pick<Tender, 'method'>[], roundCash: boolean) {
  const { total } = cartTotals(cart.lines);
  const allCash = tenders.length > 0 && tenders.every((tender) => tender.method === 'cash');
  return amountDue(total, roundCash && allCash);
}

/**
 * Turns a paid cart into a sale, checked exactly as the server will check it
 * (schema, then checkSale). Returns the problems in plain words instead when
 * the tenders do not pay it.
 */
export function checkoutSale(checkout: Checkout): { sale: SaleContent } | { problems: string[] } {
  const { cart, tenders, roundCash } = checkout;
  const { total, vat } = cartTotals(cart.lines);
  const due = dueFor(cart, tenders, roundCash);
  const settled = settleTenders(due, tenders, cart.customerId);
  if ('problems' in settled) return settled;
  const parsed = saleContentSchema.safeParse({
    localId: checkout.localId,
    items: cart.lines.map(({ lineId: _lineId, ...line }) => line),
    totalAmount: total,
    paymentMethod: paymentMethodOf(tenders),
    tendered: settled.given,
    change: settled.change,
    tenders,
    vat,
    rounding: cents(total - due),
    ...(cart.customerId && { customerId: cart.customerId }),
    ...(checkout.shiftId && { shiftId: checkout.shiftId }),
    ...(checkout.buyer && { buyer: checkout.buyer }),
    createdAt: checkout.createdAt,
  });
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => issue.message) };
  const problems = checkSale(parsed.data);
  return problems.length > 0 ? { problems } : { sale: parsed.data };
}
