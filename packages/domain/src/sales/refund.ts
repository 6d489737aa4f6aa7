import * as z from 'zod/mini';
import { MAX_CENTS, cents, sumCents, type Cents } from '../money/cents.js';
import { MAX_TENDERS, TENDER_METHODS, paymentMethodOf, type TenderMethod } from './tenders.js';
import {
  MAX_SALE_LINES,
  PAYMENT_METHODS,
  centsSchema,
  lineTotal,
  localIdSchema,
  saleLineSchema,
  type SaleLine,
} from './sale.js';

/** One part of the money paid back (RF8): where it goes and how much. */
export const refundTenderSchema = z.object({
  method: z.enum(TENDER_METHODS),
  amount: z.int().check(z.gte(1), z.lte(MAX_CENTS)),
  /** The card or payment app's reference for the reversal, as the cashier typed it. */
  reference: z.optional(z.string().check(z.trim(), z.maxLength(64))),
});
export type RefundTender = z.infer<typeof refundTenderSchema>;

/**
 * A refund (SPEC RF): money and goods going back to a customer, recorded as a
 * new transaction that names the sale it returns, never as an edit of the sale.
 */
export const refundSchema = z.object({
  /** The device's own id for the refund. */
  localId: localIdSchema,
  /** The sale returned: the device that made it and its local id (known offline, unlike the server's id). */
  sale: z.object({ deviceId: z.uuid(), localId: localIdSchema }),
  /** What goes back, at the price it was sold for. */
  items: z.array(saleLineSchema).check(z.minLength(1), z.maxLength(MAX_SALE_LINES)),
  /** Paid back to the customer: the sum of the lines (RF2). */
  amount: centsSchema,
  /** Where the money goes: one method, or `split` with its parts in `tenders` (RF8). */
  method: z.enum(PAYMENT_METHODS),
  /** RF8: the parts when the money goes back to more than one tender; absent: all of it by `method`. */
  tenders: z.optional(z.array(refundTenderSchema).check(z.minLength(1), z.maxLength(MAX_TENDERS))),
  /** A void cancels a sale of the shift in full and needs `sales:void`; absent: a refund. */
  kind: z.optional(z.enum(['refund', 'void'])),
  /** The customer whose store credit or book it goes to (RF7). */
  customerId: z.optional(z.uuid()),
  /** The shift of this device it was paid out in (SPEC SH). */
  shiftId: z.optional(localIdSchema),
  /** True: the goods go back on the shelf (stock moves back); false: written off. */
  restock: z.boolean(),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Device time: data, never used to order anything. */
  createdAt: z.iso.datetime({ offset: true }),
});

export type Refund = z.infer<typeof refundSchema>;

/** RF8: where a refund's money goes, part by part. */
export function refundTendersOf(refund: Pick<Refund, 'method' | 'amount' | 'tenders'>): RefundTender[] {
  if (refund.tenders) return refund.tenders;
  // checkRefund refuses `split` without its parts; an unchecked one reads as cash.
  const method: TenderMethod = refund.method === 'split' ? 'cash' : refund.method;
  return [{ method, amount: refund.amount }];
}

/**
 * RF2: a refund's amount is the sum of its lines, or up to 9 cents less when
 * the sale was rounded down for cash (R1, RF6). RF7: store credit and the book
 * name their customer. RF8: its parts add up to it and its method names them.
 * Returns the problems in plain words.
 */
export function checkRefund(refund: Refund): string[] {
  let total: Cents;
  try {
    total = sumCents(refund.items.map(lineTotal));
  } catch {
    return ['The line totals exceed the largest allowed amount.'];
  }
  const problems: string[] = [];
  const short = total - cents(refund.amount);
  if (short < 0 || short > 9) problems.push(`The amount ${refund.amount} is not the sum of the lines (${total}).`);
  if (refund.tenders) {
    const parts = refund.tenders.reduce((sum, tender) => sum + tender.amount, 0);
    if (parts !== refund.amount) problems.push(`The parts pay back ${parts}, not ${refund.amount}.`);
    const method = paymentMethodOf(refund.tenders);
    if (refund.method !== method) problems.push(`The method should be ${method}.`);
  } else if (refund.method === 'split') {
    problems.push('A split refund lists its parts.');
  }
  const methods = refundTendersOf(refund).map((tender) => tender.method);
  if ((methods.includes('store_credit') || methods.includes('account')) && !refund.customerId) {
    problems.push('Store credit and the book need a customer.');
  }
  return problems;
}

/** Part of a refund its sale does not cover: more units than are left to return, or a higher price. */
export interface RefundExcess {
  productId: string;
  /** Units this refund returns of the product. */
  requested: number;
  /** Units of it sold and not yet returned by earlier refunds. */
  refundable: number;
  /** True when a line pays back more per unit than the sale charged. */
  overpriced: boolean;
}

/**
 * RF3: what of `refund` the sale does not cover, given the refunds of it
 * already applied; empty when it fits. Quantities are compared per product
 * (lines of one product add up), prices against the highest the sale charged.
 */
export function refundExcess(
  sale: { items: readonly SaleLine[] },
  earlier: readonly { items: readonly SaleLine[] }[],
  refund: { items: readonly SaleLine[] },
): RefundExcess[] {
  const left = new Map<string, number>();
  const price = new Map<string, number>();
  for (const line of sale.items) {
    left.set(line.productId, (left.get(line.productId) ?? 0) + line.quantity);
    price.set(line.productId, Math.max(price.get(line.productId) ?? 0, line.price));
  }
  for (const { items } of earlier) {
    for (const line of items) left.set(line.productId, (left.get(line.productId) ?? 0) - line.quantity);
  }
  const requested = new Map<string, { quantity: number; overpriced: boolean }>();
  for (const line of refund.items) {
    const entry = requested.get(line.productId) ?? { quantity: 0, overpriced: false };
    entry.quantity += line.quantity;
    entry.overpriced ||= line.price > (price.get(line.productId) ?? 0);
    requested.set(line.productId, entry);
  }
  const excess: RefundExcess[] = [];
  for (const [productId, { quantity, overpriced }] of requested) {
    const refundable = Math.max(left.get(productId) ?? 0, 0);
    if (quantity > refundable || overpriced) excess.push({ productId, requested: quantity, refundable, overpriced });
  }
  return excess;
}

/**
 * RF6: the money a refund would pay back beyond what the sale took (its total
 * less any cash rounding), counting the refunds already applied; 0 when it fits.
 * Per-unit prices alone cannot ensure it: a product sold at two prices.
 */
export function refundOverpayment(paid: number, earlier: readonly { amount: number }[], refund: { amount: number }) {
  const left = paid - earlier.reduce((sum, { amount }) => sum + amount, 0);
  return Math.max(refund.amount - Math.max(left, 0), 0);
}
