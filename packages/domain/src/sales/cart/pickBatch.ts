import { updateLine, type Cart, type CartResult } from './cart.js';

/**
 * BT5: the batch a pharmacist picked for a line: its units are taken from that batch first, then first
 * expiry first. Null goes back to first expiry first. Who may pick is the till's to check (`rx:dispense`);
 * the server takes a pick only from someone who may.
 */
export function pickBatch(cart: Cart, lineId: string, batchId: string | null): CartResult {
  return updateLine(cart, lineId, ({ batchId: _batchId, ...line }) => (batchId === null ? line : { ...line, batchId }));
}
