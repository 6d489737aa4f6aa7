/**
 * Purchase orders' rules (SPEC PO2–PO6), pure: what status an order's receipts
 * give it, what is still to come, and whether a delivery counts on it.
 */

export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'part_received', 'received', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/**
 * How a delivery sent with an order's reference was taken (PO5). Only `counted`
 * moved the order; the others were booked into stock all the same and are shown
 * on the order (when it is this shop's) as received outside it.
 */
export const RECEIPT_OUTCOMES = ['counted', 'unknown_order', 'cancelled', 'other_branch', 'not_on_order'] as const;
export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];

/** PO2: the shop's human number for its n-th order. */
export function purchaseOrderNumber(n: number): string {
  return `PO-${String(n).padStart(4, '0')}`;
}

/** PO3: only a draft's supplier, lines and note may change. */
export const mayEditOrder = (status: PurchaseOrderStatus): boolean => status === 'draft';

/** PO4: an order is sent (again, by another way) until something of it arrived. */
export const maySendOrder = (status: PurchaseOrderStatus): boolean => status === 'draft' || status === 'sent';

/** PO3: cancelled only before anything was received: stock that came is a fact the order keeps. */
export const mayCancelOrder = (status: PurchaseOrderStatus): boolean => status === 'draft' || status === 'sent';

/** What the till offers to receive against (PO5); the server counts a draft's delivery too (it came). */
export const mayReceiveOrder = (status: PurchaseOrderStatus): boolean =>
  status === 'sent' || status === 'part_received';

/** Units of a line still to come; over-receipt leaves none (never negative). */
export function outstandingOf(line: { quantityOrdered: number; quantityReceived: number }): number {
  return Math.max(0, line.quantityOrdered - line.quantityReceived);
}

/** Units received beyond the order (PO6), shown on the order. */
export function overReceivedOf(line: { quantityOrdered: number; quantityReceived: number }): number {
  return Math.max(0, line.quantityReceived - line.quantityOrdered);
}

/**
 * PO5: the status an order's received quantities give it. A cancelled order keeps
 * its status; otherwise every line in full is `received`, anything received is
 * `part_received`, nothing leaves the status as it was.
 */
export function statusAfterReceipt(
  status: PurchaseOrderStatus,
  lines: readonly { quantityOrdered: number; quantityReceived: number }[],
): PurchaseOrderStatus {
  if (status === 'cancelled') return status;
  if (lines.length > 0 && lines.every((line) => line.quantityReceived >= line.quantityOrdered)) return 'received';
  if (lines.some((line) => line.quantityReceived > 0)) return 'part_received';
  return status;
}

/**
 * PO5: whether a delivery with an order's reference counts on it. The stock is
 * booked whatever this says (goods that arrived are never lost); only `counted`
 * moves the order.
 */
export function receiptOutcome(
  order: { status: PurchaseOrderStatus; branchId: string; productIds: readonly string[] } | undefined,
  receipt: { branchId: string; productId: string },
): ReceiptOutcome {
  if (!order) return 'unknown_order';
  if (order.status === 'cancelled') return 'cancelled';
  if (order.branchId !== receipt.branchId) return 'other_branch';
  if (!order.productIds.includes(receipt.productId)) return 'not_on_order';
  return 'counted';
}
