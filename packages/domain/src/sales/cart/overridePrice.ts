import { isCents } from '../../money/cents.js';
import { refuse, updateLine, type Cart, type CartResult } from './cart.js';

/**
 * C5: charges a line at another unit price. `approvedBy` is the person whose
 * `price:override` allows it: the cashier, or a manager who entered their PIN on
 * the spot (S6). The first list price is kept, so an override of an override
 * still shows what the shelf said; going back to it removes the override.
 */
export function overridePrice(cart: Cart, lineId: string, price: number, approvedBy: string): CartResult {
  if (!isCents(price)) return refuse('PRICE_INVALID');
  const line = cart.lines.find((candidate) => candidate.lineId === lineId);
  if (line?.weight) return refuse('WEIGHED_LINE');
  return updateLine(cart, lineId, ({ override, ...rest }) => {
    const listPrice = override?.listPrice ?? rest.price;
    return price === listPrice ? { ...rest, price } : { ...rest, price, override: { listPrice, approvedBy } };
  });
}
