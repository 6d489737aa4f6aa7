import * as z from 'zod/mini';
import { MAX_CENTS, cents, multiplyCents, sumCents, type Cents } from '../money/cents.js';

export const centsSchema = z.int().check(z.gte(0), z.lte(MAX_CENTS));

/** A record's id on the device that made it: unique per device (seed 000 `localId`). */
export const localIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Most lines a single sale may hold; keeps one sale well inside a sync batch. */
export const MAX_SALE_LINES = 200;
/** Largest whole quantity on one line (SPEC rule S2). */
export const MAX_LINE_QUANTITY = 10_000;

/** One line of a sale; field names follow seed 000's `items` (price in cents). */
export const saleLineSchema = z.object({
  productId: z.uuid(),
  /** The name as sold, kept so the sale reads the same after a rename. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  quantity: z.int().check(z.gte(1), z.lte(MAX_LINE_QUANTITY)),
  price: centsSchema,
});

export type SaleLine = z.infer<typeof saleLineSchema>;

export const PAYMENT_METHODS = ['cash'] as const;

const hashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash in lowercase hex.'));

/** A sale's place in its device's hash chain (SPEC SY10, `chain.ts`). */
export const chainLinkSchema = z.object({
  seq: z.int().check(z.gte(1)),
  previousHash: hashSchema,
  hash: hashSchema,
});

/** A completed sale as a device records it, before it is linked into the chain. */
export const saleContentSchema = z.object({
  /** The device's own id for the sale. */
  localId: localIdSchema,
  items: z.array(saleLineSchema).check(z.minLength(1), z.maxLength(MAX_SALE_LINES)),
  totalAmount: centsSchema,
  paymentMethod: z.enum(PAYMENT_METHODS),
  tendered: centsSchema,
  change: centsSchema,
  /** Device time: data, never used to order anything. */
  createdAt: z.iso.datetime({ offset: true }),
});

export type SaleContent = z.infer<typeof saleContentSchema>;

/** A sale with its chain link: the `data` of a CREATE_SALE operation. */
export const saleSchema = z.extend(saleContentSchema, { chain: chainLinkSchema });

export type Sale = z.infer<typeof saleSchema>;

/** The part of a sale its chain hash covers: everything but the link itself. */
export function saleContent(sale: Sale): SaleContent {
  const { chain: _chain, ...content } = sale;
  return content;
}

export function lineTotal(line: Pick<SaleLine, 'price' | 'quantity'>): Cents {
  return multiplyCents(cents(line.price), line.quantity);
}

/** S1: a sale's total is the sum of its line totals, each price × quantity. */
export function saleTotal(lines: readonly Pick<SaleLine, 'price' | 'quantity'>[]): Cents {
  return sumCents(lines.map(lineTotal));
}

/** S3: change is what was tendered less the total; tendering too little is refused. */
export function cashChange(total: Cents, tendered: Cents): Cents | null {
  return tendered < total ? null : cents(tendered - total);
}

/**
 * Checks that a sale adds up (S1, S3). Returns the problems in plain words, empty
 * when the sale is consistent. The server runs this on every sale it receives.
 */
export function checkSale(sale: SaleContent): string[] {
  const problems: string[] = [];
  let total: Cents;
  try {
    total = saleTotal(sale.items);
  } catch {
    return ['The line totals exceed the largest allowed amount.'];
  }
  if (total !== sale.totalAmount) {
    problems.push(`The total ${sale.totalAmount} is not the sum of the lines (${total}).`);
  }
  const change = cashChange(cents(sale.totalAmount), cents(sale.tendered));
  if (change === null) problems.push('The amount tendered is less than the total.');
  else if (change !== sale.change) problems.push(`The change should be ${change}, not ${sale.change}.`);
  return problems;
}

/** T1: a device timestamp more than a day ahead of the server's clock is refused. */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export function isTooFarInFuture(iso: string, now: Date): boolean {
  return Date.parse(iso) - now.getTime() > MAX_CLOCK_AHEAD_MS;
}
