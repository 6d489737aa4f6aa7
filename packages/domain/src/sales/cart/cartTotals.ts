import type { Cents } from '../../money/cents.js';
import { lineTotal, saleTotal, type SaleLine } from '../sale.js';
import { vatBreakdown, type VatBreakdown } from '../vat.js';

export interface CartTotals extends VatBreakdown {
  /** S1: the sum of the lines, VAT inclusive. */
  total: Cents;
  /** Units in the cart (a weighed line is one). */
  items: number;
}

/** The one place a sale's total and VAT are worked out (S1, V2, V3); the till and the server agree on it. */
export function cartTotals(lines: readonly SaleLine[]): CartTotals {
  return {
    total: saleTotal(lines),
    items: lines.reduce((sum, line) => sum + line.quantity, 0),
    ...vatBreakdown(lines.map((line) => ({ total: lineTotal(line), taxClass: line.taxClass }))),
  };
}
