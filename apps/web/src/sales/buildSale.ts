import { cashChange, checkSale, saleContentSchema, saleTotal, type Cents, type SaleContent } from '@opentill/domain';
import type { CartLine } from './cartStore';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** `sale_` + 16 random URL-safe characters (96 bits): unique per device without a counter. */
export function newSaleLocalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 64 symbols: masking with 63 keeps every symbol equally likely.
  return `sale_${Array.from(bytes, (byte) => ID_ALPHABET[byte & 63]).join('')}`;
}

/**
 * Builds a cash sale from the cart and checks it the way the server will
 * (saleContentSchema, then checkSale: S1 total, S3 change). Throws if it does not add up.
 * recordSale links it into the device's hash chain as it stores it.
 */
export function buildCashSale(lines: readonly CartLine[], tendered: Cents, now: Date = new Date()): SaleContent {
  const totalAmount = saleTotal(lines);
  const change = cashChange(totalAmount, tendered);
  if (change === null) throw new Error('The amount tendered is less than the total.');
  const sale = saleContentSchema.parse({
    localId: newSaleLocalId(),
    items: lines.map(({ productId, name, quantity, price }) => ({ productId, name, quantity, price })),
    totalAmount,
    paymentMethod: 'cash',
    tendered,
    change,
    createdAt: now.toISOString(),
  });
  const problems = checkSale(sale);
  if (problems.length > 0) throw new Error(problems.join(' '));
  return sale;
}
