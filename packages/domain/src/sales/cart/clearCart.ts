import { EMPTY_CART, type Cart, type CartResult } from './cart.js';

/** C7: empties the sale, customer included. */
export function clearCart(_cart: Cart): CartResult {
  return { ok: true, cart: EMPTY_CART };
}
