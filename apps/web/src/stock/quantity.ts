import { MAX_STOCK_MOVEMENT } from '@opentill/domain';

/**
 * A typed number of units: digits only (spaces allowed, as in "1 000"), from
 * `min` to MAX_STOCK_MOVEMENT. Anything else, a sign, a decimal or a blank, is
 * null: the form says so rather than guessing.
 */
export function parseQuantity(text: string, min: 0 | 1): number | null {
  const digits = text.replace(/\s/g, '');
  if (!/^\d{1,7}$/.test(digits)) return null;
  const quantity = Number(digits);
  return quantity >= min && quantity <= MAX_STOCK_MOVEMENT ? quantity : null;
}
