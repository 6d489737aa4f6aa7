import * as z from 'zod/mini';
import type { Batch } from './batches.js';
import { ADJUSTMENT_REASONS, MAX_STOCK_MOVEMENT } from './stock.js';

/**
 * The stock ledger (ST1, BT10): every movement is an entry, written once and
 * never changed. On hand, per batch and per product, is the sum of the entries;
 * the figures kept in `stock_levels` and on each batch are that sum kept up to
 * date, never a number a device sends.
 */
export const LEDGER_ENTRY_KINDS = [
  'sale',
  'refund',
  'receipt',
  'adjustment',
  'transfer_out',
  'transfer_in',
  'count',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** The sign each kind's delta must have: adjustments and counts go either way. */
const SIGN: Record<LedgerEntryKind, -1 | 0 | 1> = {
  sale: -1,
  refund: 1,
  receipt: 1,
  adjustment: 0,
  transfer_out: -1,
  transfer_in: 1,
  count: 0,
};

export const ledgerEntrySchema = z
  .object({
    kind: z.enum(LEDGER_ENTRY_KINDS),
    productId: z.uuid(),
    branchId: z.uuid(),
    /** `null`: units no batch covered (a sale's shortfall kept under `flag`, BT6). */
    batchId: z.nullable(z.uuid()),
    delta: z.int().check(z.gte(-MAX_STOCK_MOVEMENT), z.lte(MAX_STOCK_MOVEMENT)),
    /** What caused it: a sale, refund, receipt, transfer or adjustment id. */
    ref: z.string().check(z.minLength(1), z.maxLength(100)),
    reason: z.optional(z.enum(ADJUSTMENT_REASONS)),
  })
  .check(
    z.refine((entry) => entry.delta !== 0, 'A ledger entry moves at least one unit.'),
    z.refine((entry) => SIGN[entry.kind] === 0 || Math.sign(entry.delta) === SIGN[entry.kind], {
      message: 'Sales and transfers out take units; refunds, receipts and transfers in add them.',
    }),
    z.refine((entry) => (entry.kind === 'adjustment') === (entry.reason !== undefined), {
      message: 'An adjustment, and only an adjustment, names its reason.',
    }),
  );

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** Key of a figure per batch; units of no batch are under '-'. */
export function batchKey(branchId: string, productId: string, batchId: string | null): string {
  return `${branchId}/${productId}/${batchId ?? '-'}`;
}

/** Key of a product's figure at a branch: all its batches and the units of no batch. */
export function productKey(branchId: string, productId: string): string {
  return `${branchId}/${productId}`;
}

export interface LedgerFigures {
  byBatch: Map<string, number>;
  byProduct: Map<string, number>;
}

/** On hand as the ledger has it: the sum of the entries per batch and per product (BT10). */
export function onHandFromLedger(entries: readonly LedgerEntry[]): LedgerFigures {
  const byBatch = new Map<string, number>();
  const byProduct = new Map<string, number>();
  for (const { branchId, productId, batchId, delta } of entries) {
    const batch = batchKey(branchId, productId, batchId);
    const product = productKey(branchId, productId);
    byBatch.set(batch, (byBatch.get(batch) ?? 0) + delta);
    byProduct.set(product, (byProduct.get(product) ?? 0) + delta);
  }
  return { byBatch, byProduct };
}

/**
 * The batches' materialized figures after `entries`, in the same transaction
 * that writes them. It adds and never judges: whether a movement may happen is
 * decided before its entry is written (allocateFefo, adjustBatch, ...), so the
 * figure always equals the ledger. Entries of no batch move only the product's
 * figure (see onHandFromLedger). An entry naming a batch that is not there, or
 * is another product's or branch's, is a bug and throws.
 */
export function applyEntries(batches: readonly Batch[], entries: readonly LedgerEntry[]): Batch[] {
  const next = new Map(batches.map((batch) => [batch.id, batch]));
  for (const entry of entries) {
    if (entry.batchId === null) continue;
    const batch = next.get(entry.batchId);
    if (!batch || batch.productId !== entry.productId || batch.branchId !== entry.branchId) {
      throw new Error(`ledger entry ${entry.ref} names batch ${entry.batchId}, not one of its product at its branch`);
    }
    next.set(batch.id, { ...batch, onHand: batch.onHand + entry.delta });
  }
  return [...next.values()];
}
