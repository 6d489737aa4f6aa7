import type { PurchaseOrder } from '@opentill/domain';
import { db } from './database';
import { useLiveValue } from './live';

// Apart from the till's first screen: purchase orders are worked on the Products screen.

/** The `meta` key of the orders last read from the server (not in META_KEYS: that module is on the first screen). */
const CACHED_ORDERS_KEY = 'purchaseOrders';

/**
 * Keeps the orders last read from the server, so a delivery can be received
 * against one with the network off, even after the app was reopened (SPEC PO5).
 * Sign-out clears `meta` with everything else.
 */
export async function cachePurchaseOrders(orders: readonly PurchaseOrder[]): Promise<void> {
  await db.meta.put({ key: CACHED_ORDERS_KEY, value: orders });
}

export async function cachedPurchaseOrders(): Promise<PurchaseOrder[] | null> {
  const row = await db.meta.get(CACHED_ORDERS_KEY);
  return Array.isArray(row?.value) ? (row.value as PurchaseOrder[]) : null;
}

/** Units received on this phone against each order, per product, not yet sent: order id → product id → units. */
export async function pendingOrderReceipts(): Promise<Map<string, Map<string, number>>> {
  const queued = await db.outbox.where('status').equals('pending').toArray();
  const byOrder = new Map<string, Map<string, number>>();
  for (const entry of queued) {
    if (entry.type !== 'RECEIVE_STOCK' || entry.data.purchaseOrderId === undefined) continue;
    const lines = byOrder.get(entry.data.purchaseOrderId) ?? new Map<string, number>();
    lines.set(entry.data.productId, (lines.get(entry.data.productId) ?? 0) + entry.data.quantity);
    byOrder.set(entry.data.purchaseOrderId, lines);
  }
  return byOrder;
}

/** `pendingOrderReceipts`, live: a delivery queued shows on its order at once, offline too. */
export function useLivePendingOrderReceipts(): Map<string, Map<string, number>> | undefined {
  return useLiveValue(pendingOrderReceipts);
}
