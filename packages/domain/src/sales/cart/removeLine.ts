import { refuse, type Cart, type CartResult } from './cart.js';

/** C4: takes a line off the sale. */
export function removeLine(cart: Cart, lineId: string): CartResult {
  const lines = cart.lines.filter((line) => line.lineId !== lineId);
  return lines.length === cart.lines.length ? refuse('LINE_NOT_FOUND') : { ok: true, cart: { ...cart, lines } };
}
