import { outstandingOf, overReceivedOf, type PurchaseOrder, type PurchaseOrderLine } from '@opentill/domain';

/** A line as the screen shows it: the server's received units, this phone's not yet sent, what is still to come. */
export interface LineProgress extends PurchaseOrderLine {
  pendingHere: number;
  toCome: number;
  over: number;
}

/**
 * PO5/PO6 on the phone: the server's counts with this phone's queued deliveries
 * on top, so a delivery received offline shows on its order at once.
 */
export function orderProgress(order: PurchaseOrder, pending: ReadonlyMap<string, number> | undefined): LineProgress[] {
  return order.lines.map((line) => {
    const pendingHere = pending?.get(line.productId) ?? 0;
    const counted = { quantityOrdered: line.quantityOrdered, quantityReceived: line.quantityReceived + pendingHere };
    return { ...line, pendingHere, toCome: outstandingOf(counted), over: overReceivedOf(counted) };
  });
}

/** The deliveries booked with the order's reference that did not count on it (PO5): shown as received outside it. */
export const receivedOutside = (order: PurchaseOrder) =>
  order.receipts.filter((receipt) => receipt.outcome !== 'counted');
