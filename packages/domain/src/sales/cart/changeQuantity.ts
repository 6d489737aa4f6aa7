import { MAX_LINE_QUANTITY } from '../sale.js';
import { refuse, updateLine, type Cart, type CartResult } from './cart.js';

/** C3: sets a line's quantity, a whole number from 1 to 10,000 (S2); a weighed line stays one item. */
export function changeQuantity(cart: Cart, lineId: string, quantity: number): CartResult {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) return refuse('QUANTITY_INVALID');
  if (cart.lines.find((line) => line.lineId === lineId)?.weight) return refuse('WEIGHED_LINE');
  return updateLine(cart, lineId, (line) => ({ ...line, quantity }));
}
