/**
 * Money is an integer number of cents (SPEC rule M1). The brand stops a plain
 * number (a quantity, a rand amount) from being passed where cents are meant.
 */
export type Cents = number & { readonly __brand: 'Cents' };

/**
 * The largest amount a single price, line or sale may hold (SPEC rule M2):
 * R20,000,000.00 fits PostgreSQL's 4-byte `integer`, as the seeds' schemas use.
 */
export const MAX_CENTS = 2_000_000_000;

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** The only way to make Cents: rejects fractions, negatives and unsafe sizes. */
export function cents(value: number): Cents {
  if (!Number.isInteger(value)) throw new MoneyError(`Not a whole number of cents: ${value}`);
  if (value < 0) throw new MoneyError(`Negative amount: ${value}`);
  if (value > MAX_CENTS) throw new MoneyError(`Amount too large: ${value}`);
  return value as Cents;
}

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CENTS;
}

/** Sum of amounts; throws when the sum leaves the allowed range (M2). */
export function sumCents(values: readonly Cents[]): Cents {
  return cents(values.reduce<number>((total, value) => total + value, 0));
}

/** `price × quantity` for a whole quantity (M3: no rounding is needed). */
export function multiplyCents(price: Cents, quantity: number): Cents {
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new MoneyError(`Quantity must be a whole number: ${quantity}`);
  }
  return cents(price * quantity);
}

export function subtractCents(from: Cents, amount: Cents): Cents {
  return cents(from - amount);
}

const RANDS_PATTERN = /^(\d{1,8})(?:[.,](\d{1,2}))?$/;

/**
 * Parses what a person types as a rand amount ("12", "12.5", "12,50", "R 12.50")
 * into cents (M4). Returns null for anything else, so the caller can say why.
 * Strings are parsed digit by digit: no floating point touches money.
 */
export function parseRands(input: string): Cents | null {
  const cleaned = input.trim().replace(/^R\s*/i, '').replace(/\s/g, '');
  const match = RANDS_PATTERN.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const value = whole * 100 + Number(fraction);
  return isCents(value) ? value : null;
}

/** "R 1 234,50": South African format (en-ZA), used on screens and receipts (M5). */
export function formatRands(amount: Cents): string {
  const rands = Math.floor(amount / 100);
  const rest = String(amount % 100).padStart(2, '0');
  const grouped = String(rands).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `R\u00a0${grouped},${rest}`;
}
