import * as z from 'zod/mini';
import { MAX_STOCK_MOVEMENT } from './stock.js';
import { lotSchema } from './pulledBatch.js';

/**
 * Batches (SPEC ST-B): one lot of one product at one branch, with its expiry.
 *
 * Dates are ISO calendar dates ('YYYY-MM-DD') in the branch's calendar, compared
 * as strings (that order is the calendar's). `today` is always a parameter, never
 * read from a clock, so a device offline and the server judge the same day: the
 * day the sale was made, not the day it arrived.
 *
 * A medicine's expiry date is the last day it may be used: a batch is sellable
 * up to and including `expiresOn` and expired from the day after. A batch with
 * no expiry (`null`: goods that do not expire) never expires.
 */

export const batchSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  branchId: z.uuid(),
  lot: lotSchema,
  expiresOn: z.nullable(z.iso.date()),
  /** The materialized figure: the sum of the batch's ledger entries (BT10), never below zero. */
  onHand: z.int().check(z.gte(0)),
});

export type Batch = z.infer<typeof batchSchema>;

/** Stock received with its lot and expiry captured; `batchId` tops up a lot the branch already holds. */
export const receiveBatchSchema = z.object({
  productId: z.uuid(),
  quantity: z.int().check(z.gte(1), z.lte(MAX_STOCK_MOVEMENT)),
  lot: lotSchema,
  expiresOn: z.nullable(z.iso.date()),
  batchId: z.optional(z.uuid()),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});

export type ReceiveBatch = z.infer<typeof receiveBatchSchema>;

/**
 * Why a batch operation is refused. Stable codes: the device shows them and
 * the server answers with them.
 */
export const BATCH_REFUSAL_REASONS = [
  /** The batch expired before `today`: it is never sold, dispatched or received. */
  'BATCH_EXPIRED',
  /** No batch of that id holds this product at this branch. */
  'BATCH_UNKNOWN',
  /** A refund named a batch its sale did not take from. */
  'BATCH_NOT_IN_SALE',
  /** The movement would take the batch below zero. */
  'BATCH_INSUFFICIENT',
  /** The branch holds this lot of the product with another expiry date. */
  'LOT_EXPIRY_MISMATCH',
] as const;
export type BatchRefusalReason = (typeof BATCH_REFUSAL_REASONS)[number];

export interface BatchRefusal {
  ok: false;
  reason: BatchRefusalReason;
  batchId: string | null;
}

export function refuseBatch(reason: BatchRefusalReason, batchId: string | null = null): BatchRefusal {
  return { ok: false, reason, batchId };
}

/** The batches of one product at one branch: what a sale, count or transfer line works on. */
export function batchesOf<B extends Pick<Batch, 'branchId' | 'productId'>>(
  batches: readonly B[],
  branchId: string,
  productId: string,
): B[] {
  return batches.filter((batch) => batch.branchId === branchId && batch.productId === productId);
}
