import type { Operation } from '../sync/protocol.js';
import type { StockLevel } from './stock.js';

/** An operation's type and data: all that decides how it moves stock. */
export type OperationContent = {
  [T in Operation['type']]: Pick<Extract<Operation, { type: T }>, 'type' | 'data'>;
}[Operation['type']];

export interface StockMovement {
  productId: string;
  /** Units in (positive) or out (negative). */
  delta: number;
}

/**
 * How an operation moves stock: a sale takes its quantities, a restocked refund
 * puts them back, a delivery adds, an adjustment adds its delta.
 */
export function stockMovements(operation: OperationContent): StockMovement[] {
  switch (operation.type) {
    case 'CREATE_SALE':
      return operation.data.items.map((item) => ({ productId: item.productId, delta: -item.quantity }));
    case 'REFUND_SALE':
      if (!operation.data.restock) return [];
      return operation.data.items.map((item) => ({ productId: item.productId, delta: item.quantity }));
    case 'RECEIVE_STOCK':
      return [{ productId: operation.data.productId, delta: operation.data.quantity }];
    case 'ADJUST_STOCK':
      return [{ productId: operation.data.productId, delta: operation.data.delta }];
    case 'DISPATCH_TRANSFER':
      return operation.data.lines.map((line) => ({ productId: line.productId, delta: -line.quantity }));
    // What arrives is known per line of the transfer, not by product here: the pulled figure brings it.
    case 'RECEIVE_TRANSFER':
    case 'RESOLVE_TRANSFER':
    case 'UPSERT_PRODUCT':
    case 'DELETE_PRODUCT':
    case 'RESOLVE_STOCK_EXCEPTION':
    case 'REPORT_PIN_FAILURE':
    case 'RECORD_REPRINT':
    case 'OPEN_SHIFT':
    case 'RECORD_CASH_MOVEMENT':
    case 'CLOSE_SHIFT':
    case 'UPSERT_CUSTOMER':
    case 'RECORD_ACCOUNT_PAYMENT':
      return [];
  }
}

/**
 * The stock a device shows: the server's on-hand figures for its branch with the
 * device's own still-pending operations applied on top, so a sale rung up offline
 * lowers the figure at once. `pending` holds only operations the server has not
 * answered yet: an accepted one is already in the server's figure (the device
 * applies the answer and the pulled figure together), a refused one never moved
 * stock. A product with a pending movement but no figure yet starts from zero
 * (e.g. a new product's opening stock).
 */
export function stockOnDevice(
  levels: readonly StockLevel[],
  pending: readonly OperationContent[],
): Map<string, number> {
  const onHand = new Map(levels.map((level) => [level.productId, level.onHand]));
  for (const operation of pending) {
    for (const { productId, delta } of stockMovements(operation)) {
      onHand.set(productId, (onHand.get(productId) ?? 0) + delta);
    }
  }
  return onHand;
}
