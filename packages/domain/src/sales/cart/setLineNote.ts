import { MAX_LINE_NOTE } from '../sale.js';
import { refuse, updateLine, type Cart, type CartResult } from './cart.js';

/** C6: a note on a line ("no sugar", "collect tomorrow"); an empty note removes it. */
export function setLineNote(cart: Cart, lineId: string, note: string): CartResult {
  const text = note.trim();
  if (text.length > MAX_LINE_NOTE) return refuse('NOTE_TOO_LONG');
  return updateLine(cart, lineId, ({ note: _note, ...line }) => (text ? { ...line, note: text } : line));
}
