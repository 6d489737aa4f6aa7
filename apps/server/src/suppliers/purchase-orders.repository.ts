import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  purchaseOrderNumber,
  type PurchaseOrder,
  type PurchaseOrderStatus,
  type ReceiptOutcome,
} from '@opentill/domain';
import type { Executor } from '../db/client.js';
import {
  branches,
  products,
  purchaseOrderLines,
  purchaseOrderReceipts,
  purchaseOrders,
  suppliers,
} from '../db/schema.js';

export interface OrderRow {
  id: string;
  status: PurchaseOrderStatus;
  branchId: string;
}

export interface LineToStore {
  productId: string;
  quantity: number;
  unitCost: number | null;
}

/** PO2: the shop's next order number; the caller holds the tenant's lock and orders are never deleted. */
export async function nextOrderNumber(tx: Executor, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${purchaseOrders.number}), 0)::int` })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.tenantId, tenantId));
  return (row?.last ?? 0) + 1;
}

export async function insertOrder(
  tx: Executor,
  order: {
    tenantId: string;
    number: number;
    branchId: string;
    supplierId: string;
    note: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await tx.insert(purchaseOrders).values(order).returning({ id: purchaseOrders.id });
  if (!row) throw new Error('the purchase order was not inserted');
  return row.id;
}

/** Replaces a draft's lines (PO3); a new order's lines are its first. */
export async function replaceLines(
  tx: Executor,
  tenantId: string,
  orderId: string,
  lines: readonly LineToStore[],
): Promise<void> {
  await tx.delete(purchaseOrderLines).where(eq(purchaseOrderLines.purchaseOrderId, orderId));
  await tx.insert(purchaseOrderLines).values(
    lines.map((line, position) => ({
      tenantId,
      purchaseOrderId: orderId,
      productId: line.productId,
      position,
      quantityOrdered: line.quantity,
      unitCost: line.unitCost,
    })),
  );
}

/** The order, locked for a change of status or lines: two owners acting on it at once go one after the other. */
export async function lockOrder(tx: Executor, tenantId: string, id: string): Promise<OrderRow | undefined> {
  const [row] = await tx
    .select({ id: purchaseOrders.id, status: purchaseOrders.status, branchId: purchaseOrders.branchId })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.tenantId, tenantId), eq(purchaseOrders.id, id)))
    .for('no key update');
  return row && { ...row, status: row.status as PurchaseOrderStatus };
}

export async function updateOrder(
  tx: Executor,
  id: string,
  fields: Partial<{
    status: PurchaseOrderStatus;
    supplierId: string;
    note: string | null;
    sentAt: Date;
    cancelledAt: Date;
  }>,
): Promise<void> {
  await tx
    .update(purchaseOrders)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(purchaseOrders.id, id));
}

/** The shop's products among `ids` (tombstones aside), with their cost: a line's default unit cost. */
export async function productCosts(tx: Executor, tenantId: string, ids: readonly string[]) {
  const rows = await tx
    .select({ id: products.id, cost: products.cost })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...ids]), sql`${products.deletedAt} IS NULL`));
  return new Map(rows.map((row) => [row.id, row.cost]));
}

/** Whether the branch is one of this shop's. */
export async function branchOfShop(tx: Executor, tenantId: string, branchId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.tenantId, tenantId), eq(branches.id, branchId)));
  return row !== undefined;
}

/** The most the list shows, newest first: older orders are history. */
const ORDERS_LISTED = 200;

/** The shop's orders (or those in `ids`), newest first, with their lines and the deliveries booked against them. */
export async function readOrders(tx: Executor, tenantId: string, ids?: readonly string[]): Promise<PurchaseOrder[]> {
  const orders = await tx
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      note: purchaseOrders.note,
      createdAt: purchaseOrders.createdAt,
      sentAt: purchaseOrders.sentAt,
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      supplierPhone: suppliers.phone,
      branchId: branches.id,
      branchName: branches.name,
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .innerJoin(branches, eq(branches.id, purchaseOrders.branchId))
    .where(and(eq(purchaseOrders.tenantId, tenantId), ids ? inArray(purchaseOrders.id, [...ids]) : undefined))
    .orderBy(desc(purchaseOrders.number))
    .limit(ORDERS_LISTED);
  if (orders.length === 0) return [];
  const orderIds = orders.map((order) => order.id);
  const lines = await tx
    .select({
      orderId: purchaseOrderLines.purchaseOrderId,
      productId: purchaseOrderLines.productId,
      name: products.name,
      quantityOrdered: purchaseOrderLines.quantityOrdered,
      quantityReceived: purchaseOrderLines.quantityReceived,
      unitCost: purchaseOrderLines.unitCost,
    })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(and(eq(purchaseOrderLines.tenantId, tenantId), inArray(purchaseOrderLines.purchaseOrderId, orderIds)))
    .orderBy(asc(purchaseOrderLines.position));
  const receipts = await tx
    .select({
      orderId: purchaseOrderReceipts.purchaseOrderId,
      productId: purchaseOrderReceipts.productId,
      name: sql<string>`coalesce(${products.name}, '')`,
      quantity: purchaseOrderReceipts.quantity,
      lot: purchaseOrderReceipts.lot,
      expiresOn: purchaseOrderReceipts.expiresOn,
      outcome: purchaseOrderReceipts.outcome,
      receivedAt: purchaseOrderReceipts.createdAt,
    })
    .from(purchaseOrderReceipts)
    .leftJoin(products, eq(products.id, purchaseOrderReceipts.productId))
    .where(and(eq(purchaseOrderReceipts.tenantId, tenantId), inArray(purchaseOrderReceipts.purchaseOrderId, orderIds)))
    .orderBy(asc(purchaseOrderReceipts.createdAt), asc(purchaseOrderReceipts.id));
  return orders.map((order) => ({
    id: order.id,
    number: purchaseOrderNumber(order.number),
    status: order.status as PurchaseOrderStatus,
    supplier: { id: order.supplierId, name: order.supplierName, phone: order.supplierPhone },
    branch: { id: order.branchId, name: order.branchName },
    note: order.note,
    createdAt: order.createdAt.toISOString(),
    sentAt: order.sentAt?.toISOString() ?? null,
    lines: lines.filter((line) => line.orderId === order.id).map(({ orderId: _orderId, ...line }) => line),
    receipts: receipts
      .filter((receipt) => receipt.orderId === order.id)
      .map(({ orderId: _orderId, receivedAt, outcome, ...receipt }) => ({
        ...receipt,
        outcome: outcome as ReceiptOutcome,
        receivedAt: receivedAt.toISOString(),
      })),
  }));
}

/** The orders among `ids`, locked in id order (two pushes naming the same two orders cannot deadlock), with their products. */
export async function lockOrdersForReceipt(tx: Executor, tenantId: string, ids: readonly string[]) {
  const rows = await tx
    .select({ id: purchaseOrders.id, status: purchaseOrders.status, branchId: purchaseOrders.branchId })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.tenantId, tenantId), inArray(purchaseOrders.id, [...ids])))
    .orderBy(asc(purchaseOrders.id))
    .for('no key update');
  const lines =
    rows.length === 0
      ? []
      : await tx
          .select({
            orderId: purchaseOrderLines.purchaseOrderId,
            productId: purchaseOrderLines.productId,
            quantityOrdered: purchaseOrderLines.quantityOrdered,
            quantityReceived: purchaseOrderLines.quantityReceived,
          })
          .from(purchaseOrderLines)
          .where(
            and(
              eq(purchaseOrderLines.tenantId, tenantId),
              inArray(
                purchaseOrderLines.purchaseOrderId,
                rows.map((row) => row.id),
              ),
            ),
          );
  return rows.map((row) => ({
    ...row,
    status: row.status as PurchaseOrderStatus,
    lines: lines.filter((line) => line.orderId === row.id),
  }));
}

export async function addReceived(tx: Executor, orderId: string, productId: string, quantity: number): Promise<void> {
  await tx
    .update(purchaseOrderLines)
    .set({ quantityReceived: sql`${purchaseOrderLines.quantityReceived} + ${quantity}` })
    .where(and(eq(purchaseOrderLines.purchaseOrderId, orderId), eq(purchaseOrderLines.productId, productId)));
}

export interface ReceiptRecord {
  tenantId: string;
  purchaseOrderId: string;
  branchId: string;
  productId: string;
  quantity: number;
  lot: string | null;
  expiresOn: string | null;
  outcome: ReceiptOutcome;
  opId: string;
  deviceId: string;
  userId: string;
}

export async function insertReceipts(tx: Executor, receipts: readonly ReceiptRecord[]): Promise<void> {
  if (receipts.length > 0) await tx.insert(purchaseOrderReceipts).values([...receipts]);
}
