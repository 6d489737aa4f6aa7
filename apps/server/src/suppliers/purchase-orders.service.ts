import {
  mayCancelOrder,
  mayEditOrder,
  maySendOrder,
  type PurchaseOrder,
  type PurchaseOrderInput,
  type PurchaseOrderLineInput,
  type PurchaseOrderPatch,
} from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAuditBy, type Acting, type RequestContext } from '../audit/audit-log.service.js';
import { findActiveDevice } from '../auth/auth.repository.js';
import { lockTenant } from '../shop/branches.repository.js';
import { findSupplier } from './suppliers.repository.js';
import {
  branchOfShop,
  insertOrder,
  lockOrder,
  nextOrderNumber,
  productCosts,
  readOrders,
  replaceLines,
  updateOrder,
  type OrderRow,
} from './purchase-orders.repository.js';

export interface PurchaseOrderService {
  list(claims: DeviceClaims): Promise<PurchaseOrder[]>;
  get(claims: DeviceClaims, id: string): Promise<PurchaseOrder>;
  /** PO2: a draft numbered `PO-000n` for a supplier of the shop, at a branch of it; audited. */
  create(claims: DeviceClaims, input: PurchaseOrderInput, context: RequestContext): Promise<PurchaseOrder>;
  /** PO3: a draft's supplier, note or lines change. */
  change(claims: DeviceClaims, id: string, patch: PurchaseOrderPatch, context: RequestContext): Promise<PurchaseOrder>;
  /** PO4: the owner sent it (PDF or WhatsApp); sending again keeps it sent. Audited the first time. */
  send(claims: DeviceClaims, id: string, context: RequestContext): Promise<PurchaseOrder>;
  /** PO3: cancelled while nothing of it has arrived; audited. */
  cancel(claims: DeviceClaims, id: string, context: RequestContext): Promise<PurchaseOrder>;
}

export function createPurchaseOrderService(db: Db): PurchaseOrderService {
  const one = async (tx: Transaction, tenantId: string, id: string) => {
    const [order] = await readOrders(tx, tenantId, [id]);
    if (!order) throw new AppError('OT_ERR_PURCHASE_ORDER_NOT_FOUND');
    return order;
  };

  /** An order of the shop, locked; 404 before anything about the request is judged (tenant isolation). */
  const lockedOrder = async (tx: Transaction, tenantId: string, id: string): Promise<OrderRow> => {
    const order = await lockOrder(tx, tenantId, id);
    if (!order) throw new AppError('OT_ERR_PURCHASE_ORDER_NOT_FOUND');
    return order;
  };

  const activeSupplier = async (tx: Transaction, tenantId: string, supplierId: string) => {
    const supplier = await findSupplier(tx, tenantId, supplierId);
    if (!supplier) throw new AppError('OT_ERR_SUPPLIER_NOT_FOUND');
    if (!supplier.active) throw new AppError('OT_ERR_SUPPLIER_INACTIVE');
    return supplier;
  };

  /** The lines with their unit cost: as given, else the product's cost (PO2); every product the shop's. */
  const pricedLines = async (tx: Transaction, tenantId: string, lines: readonly PurchaseOrderLineInput[]) => {
    const costs = await productCosts(
      tx,
      tenantId,
      lines.map((line) => line.productId),
    );
    if (lines.some((line) => !costs.has(line.productId))) throw new AppError('OT_ERR_PRODUCT_UNKNOWN');
    return lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitCost: line.unitCost ?? costs.get(line.productId) ?? null,
    }));
  };

  const acting = (claims: DeviceClaims, context: RequestContext): Acting => ({ claims, context });

  return {
    list: (claims) => db.withTenant(claims.tenantId, (tx) => readOrders(tx, claims.tenantId)),

    get: (claims, id) => db.withTenant(claims.tenantId, (tx) => one(tx, claims.tenantId, id)),

    create: (claims, input, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const supplier = await activeSupplier(tx, claims.tenantId, input.supplierId);
        let branchId = input.branchId;
        if (branchId === undefined) {
          // The device's branch as it stands now (it may have moved since the token was made).
          branchId = (await findActiveDevice(tx, claims.tenantId, claims.deviceId))?.branchId ?? claims.branchId;
        } else if (!(await branchOfShop(tx, claims.tenantId, branchId))) {
          throw new AppError('OT_ERR_BRANCH_UNKNOWN');
        }
        const lines = await pricedLines(tx, claims.tenantId, input.lines);
        // The number is taken under the tenant's lock, in this transaction: two orders at once get two numbers.
        await lockTenant(tx, claims.tenantId);
        const number = await nextOrderNumber(tx, claims.tenantId);
        const id = await insertOrder(tx, {
          tenantId: claims.tenantId,
          number,
          branchId,
          supplierId: supplier.id,
          note: input.note || null,
          createdBy: claims.userId,
        });
        await replaceLines(tx, claims.tenantId, id, lines);
        const order = await one(tx, claims.tenantId, id);
        await recordAuditBy(tx, acting(claims, context), 'supplier.order_created', {
          purchaseOrderId: id,
          number: order.number,
          supplier: supplier.name,
          lines: lines.map(({ productId, quantity, unitCost }) => ({ productId, quantity, unitCost })),
        });
        return order;
      }),

    change: (claims, id, patch, _context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const order = await lockedOrder(tx, claims.tenantId, id);
        if (!mayEditOrder(order.status)) throw new AppError('OT_ERR_PURCHASE_ORDER_STATUS');
        if (patch.supplierId !== undefined) await activeSupplier(tx, claims.tenantId, patch.supplierId);
        if (patch.lines !== undefined) {
          await replaceLines(tx, claims.tenantId, id, await pricedLines(tx, claims.tenantId, patch.lines));
        }
        await updateOrder(tx, id, {
          ...(patch.supplierId === undefined ? {} : { supplierId: patch.supplierId }),
          ...(patch.note === undefined ? {} : { note: patch.note || null }),
        });
        return one(tx, claims.tenantId, id);
      }),

    send: (claims, id, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const order = await lockedOrder(tx, claims.tenantId, id);
        if (!maySendOrder(order.status)) throw new AppError('OT_ERR_PURCHASE_ORDER_STATUS');
        if (order.status === 'draft') {
          await updateOrder(tx, id, { status: 'sent', sentAt: new Date() });
          const sent = await one(tx, claims.tenantId, id);
          await recordAuditBy(tx, acting(claims, context), 'supplier.order_sent', {
            purchaseOrderId: id,
            number: sent.number,
            supplier: sent.supplier.name,
          });
          return sent;
        }
        return one(tx, claims.tenantId, id);
      }),

    cancel: (claims, id, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const order = await lockedOrder(tx, claims.tenantId, id);
        if (!mayCancelOrder(order.status)) throw new AppError('OT_ERR_PURCHASE_ORDER_STATUS');
        await updateOrder(tx, id, { status: 'cancelled', cancelledAt: new Date() });
        const cancelled = await one(tx, claims.tenantId, id);
        await recordAuditBy(tx, acting(claims, context), 'supplier.order_cancelled', {
          purchaseOrderId: id,
          number: cancelled.number,
          supplier: cancelled.supplier.name,
          from: order.status,
        });
        return cancelled;
      }),
  };
}
