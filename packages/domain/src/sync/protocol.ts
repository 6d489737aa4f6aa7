import * as z from 'zod/mini';
import { productInputSchema, productSchema } from '../catalog/product.js';
import { saleSchema } from '../sales/sale.js';
import { refundSchema } from '../sales/refund.js';
import {
  adjustStockSchema,
  receiveStockSchema,
  resolveStockExceptionSchema,
  stockExceptionSchema,
  stockLevelSchema,
} from '../stock/stock.js';
import { pulledBatchSchema } from '../stock/pulledBatch.js';
import { dispatchTransferSchema, receiveTransferSchema, resolveTransferSchema } from '../stock/transferSchemas.js';
import { cashMovementSchema, closeShiftSchema, openShiftSchema } from '../shifts/shift.js';
import { shopSettingsSchema } from '../shop/settings.js';
import { reprintSchema } from '../receipts/reprint.js';
import { accountPaymentSchema, customerInputSchema, pulledCustomerSchema } from '../customers/customer.js';
import { OPERATION_ERROR_CODE_NAMES } from '../errors/codes.js';
import { LANES } from './lanes.js';

/**
 * The sync wire protocol, version 1 (docs/API.md "Sync"). It keeps the seed's
 * `POST /api/v1/sync` fields and adds what exactly-once delivery needs: an id and
 * a per-device sequence number on every operation, and an opaque pull cursor.
 */
export const PROTOCOL_VERSION = 1;

/** Most operations one push may carry (ARCHITECTURE "Sync" 8). */
export const MAX_OPERATIONS_PER_PUSH = 50;
/**
 * Most records of each feed (the catalogue; the branch's stock) one pull page returns; `hasMore` says when to
 * ask again. 1,000, not 500: a fresh pharmacy phone's first pull (20,000 products, figures and batches) then
 * takes 40 exchanges, not 80, each with its fixed cost on the server; a page stays near 300 KB of JSON.
 */
export const PULL_PAGE_SIZE = 1000;

const operationHeader = {
  /** Unique per operation, generated on the device; retries reuse it. */
  opId: z.uuid(),
  /** The outbox lane (`lanes.ts`); each lane has its own sequence. */
  lane: z.enum(LANES),
  /** 1, 2, 3 ... per device and lane, with no gaps: lets the server prove nothing is missing. */
  seq: z.int().check(z.gte(1)),
  /** The staff member who did it on a shared device (SPEC ID3); absent: the device token's user. */
  actorId: z.optional(z.uuid()),
};

export const createSaleOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('CREATE_SALE'),
  localId: z.string(),
  data: saleSchema,
});

export const refundSaleOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('REFUND_SALE'),
  localId: z.string(),
  data: refundSchema,
});

export const upsertProductOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('UPSERT_PRODUCT'),
  localId: z.string(),
  data: productInputSchema,
});

export const deleteProductOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('DELETE_PRODUCT'),
  localId: z.string(),
  data: z.object({ id: z.uuid() }),
});

export const receiveStockOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RECEIVE_STOCK'),
  localId: z.string(),
  data: receiveStockSchema,
});

export const adjustStockOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('ADJUST_STOCK'),
  localId: z.string(),
  data: adjustStockSchema,
});

export const resolveStockExceptionOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RESOLVE_STOCK_EXCEPTION'),
  localId: z.string(),
  data: resolveStockExceptionSchema,
});

/** Stock sent from the device's branch to another (SPEC BT9, TR1). */
export const dispatchTransferOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('DISPATCH_TRANSFER'),
  localId: z.string(),
  data: dispatchTransferSchema,
});

/** What arrived of a transfer to the device's branch, per line (TR2). */
export const receiveTransferOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RECEIVE_TRANSFER'),
  localId: z.string(),
  data: receiveTransferSchema,
});

/** What became of a transfer's missing units, decided at the branch that sent it (TR5). */
export const resolveTransferOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RESOLVE_TRANSFER'),
  localId: z.string(),
  data: resolveTransferSchema,
});

/** Wrong PINs on a shared device, reported so the owner's audit log shows them (SPEC ID3, AU4). */
export const pinFailureSchema = z.object({
  /** Whose PIN was tried. */
  userId: z.uuid(),
  /** Wrong PINs in a row for them on this device, this one included. */
  failures: z.int().check(z.gte(1), z.lte(1000)),
  /** Whether this one locked them out of the device. */
  lockedOut: z.boolean(),
  at: z.iso.datetime(),
});

export const reportPinFailureOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('REPORT_PIN_FAILURE'),
  localId: z.string(),
  data: pinFailureSchema,
});

/** RX2: a receipt given again, counted and audited. */
export const recordReprintOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RECORD_REPRINT'),
  localId: z.string(),
  data: reprintSchema,
});

export const openShiftOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('OPEN_SHIFT'),
  localId: z.string(),
  data: openShiftSchema,
});

export const cashMovementOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RECORD_CASH_MOVEMENT'),
  localId: z.string(),
  data: cashMovementSchema,
});

export const closeShiftOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('CLOSE_SHIFT'),
  localId: z.string(),
  data: closeShiftSchema,
});

/** Creates or edits a customer (SPEC CU1, CU4); travels with ordinary sales, before the sales that name them. */
export const upsertCustomerOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('UPSERT_CUSTOMER'),
  localId: z.string(),
  data: customerInputSchema,
});

/** Money paid against a customer's book (SPEC CU3). */
export const accountPaymentOperationSchema = z.object({
  ...operationHeader,
  type: z.literal('RECORD_ACCOUNT_PAYMENT'),
  localId: z.string(),
  data: accountPaymentSchema,
});

export const operationSchema = z.discriminatedUnion('type', [
  createSaleOperationSchema,
  refundSaleOperationSchema,
  upsertProductOperationSchema,
  deleteProductOperationSchema,
  receiveStockOperationSchema,
  adjustStockOperationSchema,
  resolveStockExceptionOperationSchema,
  dispatchTransferOperationSchema,
  receiveTransferOperationSchema,
  resolveTransferOperationSchema,
  reportPinFailureOperationSchema,
  recordReprintOperationSchema,
  openShiftOperationSchema,
  cashMovementOperationSchema,
  closeShiftOperationSchema,
  upsertCustomerOperationSchema,
  accountPaymentOperationSchema,
]);

export type Operation = z.infer<typeof operationSchema>;
export type OperationType = Operation['type'];

export const syncRequestSchema = z.object({
  protocolVersion: z.int(),
  deviceId: z.uuid(),
  /** Accepted for compatibility with the seed; ordering uses `cursor` only. */
  lastSyncTimestamp: z.optional(z.nullable(z.iso.datetime({ offset: true }))),
  /** Opaque; null or absent on a device's first pull. */
  cursor: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  pendingOperations: z.array(operationSchema).check(z.maxLength(MAX_OPERATIONS_PER_PUSH)),
});

export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * `created`/`updated`/`deleted`: applied now or earlier (a retry returns the stored answer).
 * `conflict`: not applied, for a person to resolve: the record changed on the server
 *   meanwhile (both versions come back, SPEC SY12), a sale of a `reject` product
 *   found too little stock (SPEC ST3), or a refund its sale does not cover (RF3).
 *   A stored answer.
 * `rejected`: a permanent, stored answer; the device shows it and moves on.
 * `refused`: not applied and not stored (a sequence gap); the device sends it again.
 */
export const ACK_STATUSES = ['created', 'updated', 'deleted', 'conflict', 'rejected', 'refused'] as const;
export type AckStatus = (typeof ACK_STATUSES)[number];

/** An edit made on a version the server has since replaced: the server kept its own. */
export const staleEditConflictSchema = z.object({
  kind: z.literal('STALE_EDIT'),
  entity: z.literal('product'),
  recordId: z.uuid(),
  /** What the server has now (and kept). */
  server: productSchema,
  /** What the device sent. */
  device: productInputSchema,
});

/** A sale refused because a `reject` product had too little stock (SPEC ST3, seed 002 scenario 1). */
export const outOfStockConflictSchema = z.object({
  kind: z.literal('OUT_OF_STOCK'),
  entity: z.literal('sale'),
  /** The sale's local id. */
  recordId: z.string(),
  shortages: z.array(z.object({ productId: z.uuid(), requested: z.int(), available: z.int() })),
});

/** A refund its sale does not cover (SPEC RF3): kept, moved no stock, for a manager to review. */
export const refundExceedsSaleConflictSchema = z.object({
  kind: z.literal('REFUND_EXCEEDS_SALE'),
  entity: z.literal('refund'),
  /** The refund's local id. */
  recordId: z.string(),
  /** The sale's server id. */
  saleId: z.uuid(),
  excess: z.array(z.object({ productId: z.uuid(), requested: z.int(), refundable: z.int(), overpriced: z.boolean() })),
  /** RF6: cents it would pay back beyond what the sale took; absent from servers before RF6. */
  overpaid: z.optional(z.int()),
});

export const conflictSchema = z.discriminatedUnion('kind', [
  staleEditConflictSchema,
  outOfStockConflictSchema,
  refundExceedsSaleConflictSchema,
]);

export type Conflict = z.infer<typeof conflictSchema>;

export const acknowledgmentSchema = z.object({
  opId: z.uuid(),
  lane: z.enum(LANES),
  seq: z.int(),
  localId: z.string(),
  status: z.enum(ACK_STATUSES),
  serverId: z.optional(z.string()),
  error: z.optional(z.object({ code: z.enum(OPERATION_ERROR_CODE_NAMES), message: z.string() })),
  conflict: z.optional(conflictSchema),
});

export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;

export const syncResponseSchema = z.object({
  protocolVersion: z.int(),
  /** Server time of this answer; informative only. */
  syncTimestamp: z.iso.datetime({ offset: true }),
  /** Send back on the next pull. */
  cursor: z.string(),
  /** True when more changes wait: pull again at once. */
  hasMore: z.boolean(),
  serverChanges: z.object({
    products: z.array(productSchema),
    sales: z.array(z.unknown()),
    /** On-hand figures at the device's branch that changed since the cursor (SPEC ST6). */
    stock: z.array(stockLevelSchema),
    /** Stock exceptions at the device's branch raised or resolved since the cursor. */
    stockExceptions: z.array(stockExceptionSchema),
    /** Batches at the device's branch created or moved since the cursor (BT11); absent from servers before batches. */
    batches: z.optional(z.array(pulledBatchSchema)),
    /**
     * Customers created or changed since the cursor, or whose book or store credit
     * moved (CU2, CU5), in the products' change order; absent from servers before customers.
     */
    customers: z.optional(z.array(pulledCustomerSchema)),
  }),
  /**
   * The owner revoked this device (SPEC ID10): what it pushed was applied as the
   * answers say, nothing is pulled; once its queue is empty it wipes its data.
   */
  deviceRevoked: z.optional(z.literal(true)),
  /** The shop's settings as they are now (SPEC SS2); absent from servers before them. */
  shop: z.optional(shopSettingsSchema),
  /**
   * BR3: the device was moved to another branch since its cursor: drop the stock
   * figures, exceptions and batches it holds before taking this page (the new
   * branch's feed from its start). Absent from servers before branches.
   */
  stockReset: z.optional(z.literal(true)),
  /** RC1: this device's receipt prefix, so a phone signed in before prefixes learns its own. */
  device: z.optional(z.object({ receiptPrefix: z.string().check(z.regex(/^T\d{1,6}$/)) })),
  /** The conflicts among this push's acknowledgments, as the seed's `conflicts[]`. */
  conflicts: z.array(z.object({ opId: z.uuid(), conflict: conflictSchema })),
  acknowledgments: z.array(acknowledgmentSchema),
});

export type SyncResponse = z.infer<typeof syncResponseSchema>;
