import * as z from 'zod/mini';
import { MAX_STOCK_MOVEMENT } from '../stock/stock.js';
import { PURCHASE_ORDER_STATUSES, RECEIPT_OUTCOMES } from './purchaseOrders.js';

/**
 * Purchase orders' request and answer schemas (SPEC PO2–PO6), apart from the
 * rules (purchaseOrders.ts) so only the lazy screen and the server load them.
 */

/** Largest unit cost a line may carry: R1 000 000. */
export const MAX_UNIT_COST = 100_000_000;

export const purchaseOrderLineInputSchema = z.object({
  productId: z.uuid(),
  quantity: z.int().check(z.gte(1), z.lte(MAX_STOCK_MOVEMENT)),
  /** Cents per unit, before any discount the supplier gives; absent: the product's cost. */
  unitCost: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(MAX_UNIT_COST)))),
});
export type PurchaseOrderLineInput = z.infer<typeof purchaseOrderLineInputSchema>;

/** One line per product: a product ordered twice would leave its receipts without a line to count on. */
const linesSchema = z.array(purchaseOrderLineInputSchema).check(
  z.minLength(1),
  z.maxLength(200),
  z.refine(
    (lines) => new Set(lines.map((line) => line.productId)).size === lines.length,
    'Each product goes on one line only.',
  ),
);

const noteSchema = z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(500))));

export const purchaseOrderInputSchema = z.object({
  supplierId: z.uuid(),
  /** The branch the goods go to; absent: the calling device's branch. */
  branchId: z.optional(z.uuid()),
  note: noteSchema,
  lines: linesSchema,
});
export type PurchaseOrderInput = z.infer<typeof purchaseOrderInputSchema>;

/** A draft's change: only the fields given change; `lines` replaces all of them. */
export const purchaseOrderPatchSchema = z.object({
  supplierId: z.optional(z.uuid()),
  note: noteSchema,
  lines: z.optional(linesSchema),
});
export type PurchaseOrderPatch = z.infer<typeof purchaseOrderPatchSchema>;

export const purchaseOrderLineSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  quantityOrdered: z.int(),
  quantityReceived: z.int(),
  unitCost: z.nullable(z.int()),
});
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

/** A delivery booked with this order's reference (PO5), counted on a line or not (`outcome`). */
export const purchaseOrderReceiptSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  quantity: z.int(),
  lot: z.nullable(z.string()),
  expiresOn: z.nullable(z.string()),
  outcome: z.enum(RECEIPT_OUTCOMES),
  receivedAt: z.string(),
});
export type PurchaseOrderReceipt = z.infer<typeof purchaseOrderReceiptSchema>;

export const purchaseOrderSchema = z.object({
  id: z.uuid(),
  /** `PO-0001`: the shop's own numbering, never reused (PO2). */
  number: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  supplier: z.object({ id: z.uuid(), name: z.string(), phone: z.nullable(z.string()) }),
  branch: z.object({ id: z.uuid(), name: z.string() }),
  note: z.nullable(z.string()),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
  lines: z.array(purchaseOrderLineSchema),
  receipts: z.array(purchaseOrderReceiptSchema),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderListSchema = z.object({ purchaseOrders: z.array(purchaseOrderSchema) });
