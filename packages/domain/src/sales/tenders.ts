import * as z from 'zod/mini';
import { cents, sumCents, type Cents } from '../money/cents.js';
import { MAX_CENTS } from '../money/cents.js';

/** How a customer pays (SPEC P). `account` is the spaza "book": the customer pays later. */
export const TENDER_METHODS = ['cash', 'card', 'mobile_money', 'store_credit', 'account'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];

/** Mobile money and QR payments South African shops take. */
export const MOBILE_MONEY_PROVIDERS = ['snapscan', 'zapper', 'payshap', 'other'] as const;

/** Most tenders one sale may be split into. */
export const MAX_TENDERS = 6;

const amountSchema = z.int().check(z.gte(0), z.lte(MAX_CENTS));

/** One part of a payment. */
export const tenderSchema = z.object({
  method: z.enum(TENDER_METHODS),
  /** What this tender pays of the sale. */
  amount: amountSchema,
  /** Cash only: the notes and coins handed over (P3); the difference is change. */
  tendered: z.optional(amountSchema),
  /** The card slip's or the payment app's reference, as the cashier typed it. */
  reference: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  provider: z.optional(z.enum(MOBILE_MONEY_PROVIDERS)),
});

export type Tender = z.infer<typeof tenderSchema>;

/** What the tenders of a sale come to. */
export interface Settlement {
  /** Everything handed over: cash as given, other tenders as charged. */
  given: Cents;
  /** P3: cash handed back. */
  change: Cents;
}

const given = (tender: Tender) => (tender.method === 'cash' ? (tender.tendered ?? tender.amount) : tender.amount);

/**
 * Checks that `tenders` pay exactly `due` (SPEC P1–P5) and says what they come
 * to. Returns the problems in plain words when they do not.
 */
export function settleTenders(
  due: Cents,
  tenders: readonly Tender[],
  customerId: string | undefined,
): Settlement | { problems: string[] } {
  const problems: string[] = [];
  if (tenders.length < 1 || tenders.length > MAX_TENDERS) problems.push(`A sale is paid in 1 to ${MAX_TENDERS} parts.`);
  for (const tender of tenders) {
    if (tender.amount === 0 && due > 0) problems.push('A tender pays something.');
    if (tender.method !== 'cash' && tender.tendered !== undefined) problems.push('Only cash is handed over.');
    if (tender.method === 'cash' && given(tender) < tender.amount)
      problems.push('The cash handed over is less than the amount it pays.');
    if (tender.method === 'mobile_money' && !tender.provider) problems.push('Mobile money names its provider.');
    if ((tender.method === 'account' || tender.method === 'store_credit') && !customerId) {
      problems.push('The book and store credit need a customer.');
    }
  }
  let applied: Cents;
  let handed: Cents;
  try {
    applied = sumCents(tenders.map((tender) => cents(tender.amount)));
    handed = sumCents(tenders.map((tender) => cents(given(tender))));
  } catch {
    return { problems: ['The tenders exceed the largest allowed amount.'] };
  }
  if (applied < due) problems.push(`The tenders pay ${applied} of ${due}.`);
  if (applied > due) problems.push(`The tenders pay ${applied}, more than ${due}: only cash gives change.`);
  return problems.length > 0 ? { problems } : { given: handed, change: cents(handed - applied) };
}

/** The seed's single `paymentMethod`: the one method used, or `split`. */
export function paymentMethodOf(tenders: readonly Pick<Tender, 'method'>[]): TenderMethod | 'split' {
  const methods = new Set(tenders.map((tender) => tender.method));
  const [only] = methods;
  return methods.size === 1 && only ? only : 'split';
}

/**
 * R1: with the shop's cash rounding on and every tender in cash, the amount due
 * is the total rounded DOWN to 10 cents: the customer never pays more than the
 * marked price (Consumer Protection Act, s. 23). Otherwise it is the total.
 */
export function amountDue(total: Cents, roundCash: boolean): Cents {
  return roundCash ? cents(total - (total % 10)) : total;
}
