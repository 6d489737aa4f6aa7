import { cents, sumCents, type Cents } from '../money/cents.js';

/**
 * South African VAT (SPEC V): one standard rate, and two classes that carry none.
 * Zero-rated goods (brown bread, maize meal, milk, ...) are taxable at 0 %; exempt
 * supplies are outside VAT. Receipts tell them apart, so both exist.
 */
export const TAX_CLASSES = ['standard', 'zero', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/** V1: the standard rate, in percent. */
export const VAT_RATE_PERCENT = 15;

/**
 * V2: the VAT inside a VAT-inclusive amount, `amount × 15 / 115` rounded half up
 * to the cent, in integers only (M1). Zero-rated and exempt amounts carry none.
 */
export function vatInside(amount: Cents, taxClass: TaxClass = 'standard'): Cents {
  if (taxClass !== 'standard') return cents(0);
  const numerator = amount * VAT_RATE_PERCENT;
  const denominator = 100 + VAT_RATE_PERCENT;
  // Half up: floor((2n + d) / 2d).
  return cents(Math.floor((2 * numerator + denominator) / (2 * denominator)));
}

/** VAT per class, for the receipt's breakdown and the Z report. */
export interface VatBreakdown {
  /** VAT-inclusive sales per class. */
  gross: Record<TaxClass, Cents>;
  /** V3: the sum of the lines' VAT, each rounded on its own. */
  vat: Cents;
}

/** V3: VAT is computed per line and the sale's VAT is the sum of its lines'. */
export function vatBreakdown(lines: readonly { total: Cents; taxClass?: TaxClass | undefined }[]): VatBreakdown {
  const gross: Record<TaxClass, Cents> = { standard: cents(0), zero: cents(0), exempt: cents(0) };
  for (const { total, taxClass = 'standard' } of lines) gross[taxClass] = sumCents([gross[taxClass], total]);
  return { gross, vat: sumCents(lines.map(({ total, taxClass }) => vatInside(total, taxClass))) };
}
