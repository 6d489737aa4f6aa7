import { MAX_CENTS, cents, type Cents } from '@opentill/domain';

/** South African notes, in cents: R10, R20, R50, R100, R200. */
const NOTES: readonly number[] = [1_000, 2_000, 5_000, 10_000, 20_000];

/**
 * Amounts a customer is likely to hand over: the exact total, then the total
 * rounded up to the next R10, R20, R50, R100 and R200 (duplicates removed).
 */
export function quickCashAmounts(total: Cents): Cents[] {
  const amounts = [total, ...NOTES.map((note) => Math.ceil(total / note) * note)];
  const unique = [...new Set(amounts)].filter((amount) => amount > 0 && amount <= MAX_CENTS);
  return unique.sort((a, b) => a - b).map(cents);
}

/** Cents as the tendered field shows them ("50", "37.50"): plain, no currency, no grouping. */
export function centsToInput(amount: Cents): string {
  const rands = Math.floor(amount / 100);
  const rest = amount % 100;
  return rest === 0 ? String(rands) : `${rands}.${String(rest).padStart(2, '0')}`;
}
