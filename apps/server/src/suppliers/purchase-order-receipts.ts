import { receiptOutcome, statusAfterReceipt } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import type { StockOrigin } from '../stock/stock.service.js';
import { addReceived, insertReceipts, lockOrdersForReceipt, updateOrder } from './purchase-orders.repository.js';

/** A delivery the push booked into stock, with the order it came against. */
export interface OrderedReceipt {
  opId: string;
  actorId: string;
  purchaseOrderId: string;
  productId: string;
  quantity: number;
  lot: string | null;
  expiresOn: string | null;
}

/**
 * PO5, inside the push's transaction, after the stock was booked: each delivery
 * counts on its order's line when the order is this shop's, not cancelled, for
 * this branch and lists the product; the order's status follows. Every delivery
 * is recorded with its outcome, so the order shows what came outside it. The
 * stock itself is never refused for the order's sake: the goods are on the shelf.
 */
export async function countOrderedReceipts(
  tx: Executor,
  origin: StockOrigin,
  receipts: readonly OrderedReceipt[],
): Promise<void> {
  if (receipts.length === 0) return;
  const ids = [...new Set(receipts.map((receipt) => receipt.purchaseOrderId))];
  const orders = new Map((await lockOrdersForReceipt(tx, origin.tenantId, ids)).map((order) => [order.id, order]));
  const moved = new Set<string>();
  const outcomes = receipts.map((receipt) => {
    const order = orders.get(receipt.purchaseOrderId);
    const outcome = receiptOutcome(order && { ...order, productIds: order.lines.map((line) => line.productId) }, {
      branchId: origin.branchId,
      productId: receipt.productId,
    });
    const line = order?.lines.find((candidate) => candidate.productId === receipt.productId);
    if (outcome === 'counted' && line) {
      line.quantityReceived += receipt.quantity;
      moved.add(receipt.purchaseOrderId);
    }
    return outcome;
  });
  for (const [i, receipt] of receipts.entries()) {
    if (outcomes[i] === 'counted') await addReceived(tx, receipt.purchaseOrderId, receipt.productId, receipt.quantity);
  }
  for (const id of moved) {
    const order = orders.get(id);
    if (!order) continue;
    const status = statusAfterReceipt(order.status, order.lines);
    if (status !== order.status) await updateOrder(tx, id, { status });
  }
  await insertReceipts(
    tx,
    receipts.map((receipt, i) => ({
      tenantId: origin.tenantId,
      purchaseOrderId: receipt.purchaseOrderId,
      branchId: origin.branchId,
      productId: receipt.productId,
      quantity: receipt.quantity,
      lot: receipt.lot,
      expiresOn: receipt.expiresOn,
      outcome: outcomes[i] ?? 'unknown_order',
      opId: receipt.opId,
      deviceId: origin.deviceId,
      userId: receipt.actorId,
    })),
  );
}
