import * as z from 'zod/mini';
import { MAX_STOCK_MOVEMENT } from './stock.js';

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

/** A lot number as printed on the pack. */
export const lotSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

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

/** True from the day after `expiresOn` (BT2). */
export function isExpired(batch: Pick<Batch, 'expiresOn'>, today: string): boolean {
  return batch.expiresOn !== null && batch.expiresOn < today;
}

/**
 * First-expiry-first-out order (BT3): earliest expiry first, no expiry last;
 * ties by lot then id, so every device and the server pick the same batch.
 */
export function compareFefo(a: Pick<Batch, 'expiresOn' | 'lot' | 'id'>, b: Pick<Batch, 'expiresOn' | 'lot' | 'id'>) {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  if (a.lot !== b.lot) return a.lot < b.lot ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** The batches of one product at one branch: what a sale, count or transfer line works on. */
export function batchesOf<B extends Pick<Batch, 'branchId' | 'productId'>>(
  batches: readonly B[],
  branchId: string,
  productId: string,
): B[] {
  return batches.filter((batch) => batch.branchId === branchId && batch.productId === productId);
}

/** Units that may be sold today: those of batches not expired. */
export function sellableOnHand(batches: readonly Batch[], today: string): number {
  return batches.reduce((sum, batch) => sum + (isExpired(batch, today) ? 0 : batch.onHand), 0);
}

/** Units on the shelf that may no longer be sold: to be written off (adjustment `expired`). */
export function expiredOnHand(batches: readonly Batch[], today: string): number {
  return batches.reduce((sum, batch) => sum + (isExpired(batch, today) ? batch.onHand : 0), 0);
}

/**
 * Batches with stock that are still sellable but expire within `days` days
 * (on or before today + days), soonest first: the expiry alert (BT4).
 */
export function expiringWithin(batches: readonly Batch[], today: string, days: number): Batch[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const last = addCalendarDays(today, days);
  return batches
    .filter((batch) => batch.onHand > 0 && !isExpired(batch, today) && batch.expiresOn !== null)
    .filter((batch) => (batch.expiresOn as string) <= last)
    .sort(compareFefo);
}

/** South Africa keeps one time all year (UTC+2): the shop's calendar day is the same on every device and the server. */
const SAST_OFFSET_MS = 2 * 60 * 60 * 1000;

/** The shop's calendar date ('YYYY-MM-DD') at an instant: the `today` a sale made then is judged by (BT2). */
export function shopDateOf(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + SAST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A batch as the server sends it to the tills of its branch (SPEC BT11). */
export const pulledBatchSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  lot: lotSchema,
  expiresOn: z.nullable(z.iso.date()),
  onHand: z.int().check(z.gte(0)),
});

export type PulledBatch = z.infer<typeof pulledBatchSchema>;

/** The calendar date `days` after (or before, when negative) an ISO date. */
export function addCalendarDays(date: string, days: number): string {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  const moved = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  moved.setUTCFullYear(year, month - 1, day + days);
  if (Number.isNaN(moved.getTime())) throw new RangeError(`not an ISO date: ${date}`);
  return moved.toISOString().slice(0, 10);
}
