import type { Cart, CartResult } from './cart.js';

/**
 * C10: attaches the sale's customer (SPEC P5: the book and store credit need one),
 * replacing any other, or takes them off (`null`). The lines are untouched.
 */
export function attachCustomer(cart: Cart, customerId: string | null): CartResult {
  const { customerId: _previous, ...rest } = cart;
  return { ok: true, cart: customerId === null ? rest : { ...rest, customerId } };
}
