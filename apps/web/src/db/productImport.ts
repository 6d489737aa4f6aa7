import { productInputSchema, type ProductCsvEdit } from '@opentill/domain';
import { db } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { writeProductEdit } from './products';
import { checkedReceipt } from './stock';

/** One confirmed row of a CSV import (the domain's `CsvRowReport` without errors). */
export interface ProductImportRow {
  line: number;
  edit: ProductCsvEdit;
  /** For an update: the server version the report saw (null: not yet acknowledged); absent for a new product. */
  seenVersion?: number | null;
  /** For a new tracked product: units received as its opening stock. */
  openingStock?: number;
}

export interface ProductImportResult {
  /** Rows written, each with its operations. */
  saved: number;
  /** Lines not written because their product changed (or appeared) on this phone after the report (SPEC CSV11). */
  changedMeanwhile: number[];
}

export interface ProductImportOptions {
  rowsPerTransaction?: number;
  /** Called after each transaction with the rows written or left out so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows per transaction: a 20,000-row file never holds one giant transaction. */
export const IMPORT_ROWS_PER_TRANSACTION = 200;

/**
 * Saves the rows a person confirmed (SPEC CSV11) the way `saveProduct` saves one: each
 * product with its UPSERT_PRODUCT (an update carrying its baseVersion) and, for a new
 * tracked product, its opening stock's RECEIVE_STOCK, in the same transaction. Rows go
 * in chunks of transactions, so a row is all or nothing, and a failure (a full phone)
 * keeps the chunks already written and writes no more. Every row is checked before
 * anything is written: one bad row writes nothing. A product that changed here since
 * the report was made is left out and its line returned.
 */
export async function importProducts(
  rows: readonly ProductImportRow[],
  { rowsPerTransaction = IMPORT_ROWS_PER_TRANSACTION, onProgress }: ProductImportOptions = {},
): Promise<ProductImportResult> {
  const checked = rows.map((row) => {
    const parsed = productInputSchema.safeParse(row.edit);
    if (!parsed.success) {
      throw new InvalidRecordError(parsed.error.issues.map((issue) => `line ${row.line}: ${issue.message}`));
    }
    const { baseVersion: _ignored, ...edit } = parsed.data;
    const receipt =
      row.openingStock === undefined ? null : checkedReceipt({ productId: edit.id, quantity: row.openingStock });
    if (receipt && (!edit.trackStock || row.seenVersion !== undefined)) {
      throw new InvalidRecordError([
        `line ${row.line}: opening stock is only for a new product whose stock is counted`,
      ]);
    }
    return { row, edit, receipt };
  });

  const result: ProductImportResult = { saved: 0, changedMeanwhile: [] };
  for (let start = 0; start < checked.length; start += rowsPerTransaction) {
    const chunk = checked.slice(start, start + rowsPerTransaction);
    // Counted after the commit: a chunk that rolls back counts nothing.
    const written = await db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
      const outcome = { saved: 0, changedMeanwhile: [] as number[] };
      const existing = await db.products.bulkGet(chunk.map(({ edit }) => edit.id));
      for (const [index, { row, edit, receipt }] of chunk.entries()) {
        const current = existing[index];
        const unchangedSince =
          row.seenVersion === undefined ? current === undefined : current?.syncVersion === row.seenVersion;
        if (!unchangedSince) {
          outcome.changedMeanwhile.push(row.line);
          continue;
        }
        await writeProductEdit(edit, current?.syncVersion ?? null, current);
        if (receipt) await enqueueOperation({ type: 'RECEIVE_STOCK', localId: crypto.randomUUID(), data: receipt });
        outcome.saved += 1;
      }
      return outcome;
    });
    result.saved += written.saved;
    result.changedMeanwhile.push(...written.changedMeanwhile);
    onProgress?.(Math.min(start + rowsPerTransaction, checked.length), checked.length);
  }
  return result;
}
