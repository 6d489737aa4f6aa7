import * as z from 'zod/mini';
import { MAX_CENTS, cents, multiplyCents, sumCents, type Cents } from '../money/cents.js';
import { MAX_TENDERS, TENDER_METHODS, amountDue, paymentMethodOf, settleTenders, tenderSchema } from './tenders.js';
import { TAX_CLASSES, vatBreakdown } from './vat.js';

export const centsSchema = z.int().check(z.gte(0), z.lte(MAX_CENTS));

/** A record's id on the device that made it: unique per device (seed 000 `localId`). */
export const localIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Most lines a single sale may hold; keeps one sale well inside a sync batch. */
export const MAX_SALE_LINES = 200;
/** Largest whole quantity on one line (SPEC rule S2). */
export const MAX_LINE_QUANTITY = 10_000;

/** Heaviest weighed line: 100 kg of loose goods. */
export const MAX_WEIGHT_GRAMS = 100_000;
/** Longest note on a line. */
export const MAX_LINE_NOTE = 140;

/**
 * One line of a sale; field names follow seed 000's `items` (price in cents).
 * The optional fields came with the selling issue and are absent on older sales,
 * which read as standard-rated lines at their list price.
 */
export const saleLineSchema = z.object({
  productId: z.uuid(),
  /** The name as sold, kept so the sale reads the same after a rename. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  quantity: z.int().check(z.gte(1), z.lte(MAX_LINE_QUANTITY)),
  /** The unit price charged, VAT inclusive. */
  price: centsSchema,
  /** Absent: standard-rated (V1). */
  taxClass: z.optional(z.enum(TAX_CLASSES)),
  /** S6: present when the price was overridden: the price before, and who approved the change. */
  override: z.optional(z.object({ listPrice: centsSchema, approvedBy: z.uuid() })),
  note: z.optional(z.string().check(z.trim(), z.maxLength(MAX_LINE_NOTE))),
  /** S5: a weighed line (loose goods): the weight and the price per kilogram it was charged at. */
  weight: z.optional(z.object({ grams: z.int().check(z.gte(1), z.lte(MAX_WEIGHT_GRAMS)), pricePerKg: centsSchema })),
  /** BT5: the batch a pharmacist picked for this line; absent: first expiry, first out. */
  batchId: z.optional(z.uuid()),
});

export type SaleLine = z.infer<typeof saleLineSchema>;

/** A sale's `paymentMethod`: its one tender's method, or `split` (seed 000's field). */
export const PAYMENT_METHODS = [...TENDER_METHODS, 'split'] as const;

const hashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash in lowercase hex.'));

/** A sale's place in its device's hash chain (SPEC SY10, `chain.ts`). */
export const chainLinkSchema = z.object({
  seq: z.int().check(z.gte(1)),
  previousHash: hashSchema,
  hash: hashSchema,
});

/**
 * VD4: the buyer a full tax invoice names, captured at the till (their VAT number
 * only if they are registered).
 */
export const buyerSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  address: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  vatNumber: z.nullable(z.string().check(z.trim(), z.regex(/^4\d{9}$/, 'A VAT number is ten digits starting with 4.'))),
});
export type Buyer = z.infer<typeof buyerSchema>;

/** A completed sale as a device records it, before it is linked into the chain. */
export const saleContentSchema = z.object({
  /** The device's own id for the sale. */
  localId: localIdSchema,
  items: z.array(saleLineSchema).check(z.minLength(1), z.maxLength(MAX_SALE_LINES)),
  totalAmount: centsSchema,
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Everything handed over: cash as given, other tenders as charged (P3). */
  tendered: centsSchema,
  change: centsSchema,
  /** How it was paid (P1–P5). Absent on sales made before split tenders: one cash tender of `tendered`. */
  tenders: z.optional(z.array(tenderSchema).check(z.minLength(1), z.maxLength(MAX_TENDERS))),
  /** V3: the VAT inside the total. */
  vat: z.optional(centsSchema),
  /** R1: the cents knocked off the total for cash rounding (0 to 9). */
  rounding: z.optional(z.int().check(z.gte(0), z.lte(9))),
  /** The customer the sale was made to (required for the book and store credit). */
  customerId: z.optional(z.uuid()),
  /** VD4: the buyer, for a full tax invoice. */
  buyer: z.optional(buyerSchema),
  /** The cashier's shift on this device, by its local id. */
  shiftId: z.optional(localIdSchema),
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

/** S5: a weighed line's price: price per kilogram × grams / 1000, rounded half up to the cent. */
export function weighedPrice(pricePerKg: Cents, grams: number): Cents {
  return cents(Math.floor((2 * pricePerKg * grams + 1000) / 2000));
}

/** S1: a sale's total is the sum of its line totals, each price × quantity. */
export function saleTotal(lines: readonly Pick<SaleLine, 'price' | 'quantity'>[]): Cents {
  return sumCents(lines.map(lineTotal));
}

/** S3: change is what was tendered less the total; tendering too little is refused. */
export function cashChange(total: Cents, tendered: Cents): Cents | null {
  return tendered < total ? null : cents(tendered - total);
}

/** The checks of a sale's lines beyond their schema (S5, S6). */
function lineProblems(line: SaleLine): string[] {
  const problems: string[] = [];
  if (line.weight) {
    if (line.quantity !== 1) problems.push(`${line.name}: a weighed line is one item.`);
    if (line.price !== weighedPrice(cents(line.weight.pricePerKg), line.weight.grams)) {
      problems.push(`${line.name}: the price is not the weight at the price per kilogram.`);
    }
  }
  if (line.override && line.override.listPrice === line.price) {
    problems.push(`${line.name}: an override that changes nothing.`);
  }
  return problems;
}

/** The sale's tenders: its own, or, for a sale made before split tenders, one cash tender (P6). */
export function tendersOf(sale: Pick<SaleContent, 'tenders' | 'totalAmount' | 'tendered'>) {
  return sale.tenders ?? [{ method: 'cash' as const, amount: sale.totalAmount, tendered: sale.tendered }];
}

/**
 * Checks that a sale adds up (S1, S3, S5, S6, V3, R1, P1–P6). Returns the
 * problems in plain words, empty when the sale is consistent. The server runs
 * this on every sale it receives.
 */
export function checkSale(sale: SaleContent): string[] {
  const problems = sale.items.flatMap(lineProblems);
  let total: Cents;
  let vat: Cents;
  try {
    total = saleTotal(sale.items);
    vat = vatBreakdown(sale.items.map((line) => ({ total: lineTotal(line), taxClass: line.taxClass }))).vat;
  } catch {
    return ['The line totals exceed the largest allowed amount.'];
  }
  if (total !== sale.totalAmount) {
    problems.push(`The total ${sale.totalAmount} is not the sum of the lines (${total}).`);
  }
  if (sale.vat !== undefined && sale.vat !== vat) problems.push(`The VAT should be ${vat}, not ${sale.vat}.`);
  const tenders = tendersOf(sale);
  const allCash = tenders.every((tender) => tender.method === 'cash');
  const rounding = sale.rounding ?? 0;
  if (rounding !== 0 && (!allCash || rounding !== total - amountDue(total, true))) {
    problems.push('Only a sale paid all in cash is rounded, down to 10 cents.');
  }
  if (sale.paymentMethod !== paymentMethodOf(tenders)) {
    problems.push(`The payment method should be ${paymentMethodOf(tenders)}.`);
  }
  if (total < rounding) return [...problems, 'The rounding is more than the total.'];
  const settled = settleTenders(cents(total - rounding), tenders, sale.customerId);
  if ('problems' in settled) return [...problems, ...settled.problems];
  if (settled.given !== sale.tendered) problems.push(`The amount tendered should be ${settled.given}.`);
  if (settled.change !== sale.change) problems.push(`The change should be ${settled.change}, not ${sale.change}.`);
  return problems;
}

/** T1: a device timestamp more than a day ahead of the server's clock is refused. */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export function isTooFarInFuture(iso: string, now: Date): boolean {
  return Date.parse(iso) - now.getTime() > MAX_CLOCK_AHEAD_MS;
}
