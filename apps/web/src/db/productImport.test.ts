import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { readProductsCsv, type CsvImportReport } from '@opentill/domain';
import { OTHER_PRODUCT_ID, PRODUCT_ID, pageOf, testProduct, testSession } from '../testing/fixtures';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { pendingOperations } from './outbox';
import { importProducts, type ProductImportRow } from './productImport';
import { listProducts, saveProduct } from './products';
import { applyPulledPage } from './pull';
import { saveSession } from './session';
import { resetLocalDatabase, tableCounts } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
  // The server's bread (barcode 6001234567890, version 3), and a product only this phone has yet.
  await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 3, barcode: '6001234567890' })] }), 'c1');
  await saveProduct({ id: OTHER_PRODUCT_ID, name: 'Vetkoek', price: 500 });
  await db.outbox.clear();
});

let ids = 0;
const newId = () => `20000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;

/** The report the Products screen makes of `csv` against this phone's catalogue. */
async function reportOf(csv: string): Promise<CsvImportReport> {
  const catalogue = await listProducts();
  return readProductsCsv(new TextEncoder().encode(csv), { catalogue, stock: new Map(), newId });
}

/** What the screen sends on "Import N valid products": the rows without errors that change something. */
const confirmedRows = (report: CsvImportReport): ProductImportRow[] =>
  report.rows.flatMap((row) =>
    row.edit
      ? [
          {
            line: row.line,
            edit: row.edit,
            ...(row.seenVersion === undefined ? {} : { seenVersion: row.seenVersion }),
            ...(row.openingStock === undefined ? {} : { openingStock: row.openingStock }),
          },
        ]
      : [],
  );

const FILE = [
  'Name;Price;Barcode;Stock',
  'Albany White Bread 700g;19,49;6001234567890;', // the server's bread, new price: an update
  ';12,50;6001000000032;', // no name
  'Sugar 1kg;abc;;', // bad price
  'Rice 2kg;39,99;6001000000063;4', // new, with opening stock
  'Rice 2kg (again);41,99;6001000000063;', // the same barcode
  'Maize meal 5kg;89,99;;', // new
].join('\r\n');

describe('importProducts', () => {
  it('writes nothing while the report is only read', async () => {
    const before = await tableCounts();
    const report = await reportOf(FILE);
    expect(report.rows.map((row) => row.status)).toEqual(['ok', 'error', 'error', 'error', 'error', 'ok']);
    expect(await tableCounts()).toEqual(before);
  });

  it('writes exactly the valid rows, each with its operations, once confirmed', async () => {
    const report = await reportOf(FILE);
    const result = await importProducts(confirmedRows(report));
    expect(result).toEqual({ saved: 2, changedMeanwhile: [] });

    expect((await listProducts()).map((product) => [product.name, product.price])).toEqual([
      ['Albany White Bread 700g', 1949],
      ['Maize meal 5kg', 8999],
      ['Vetkoek', 500],
    ]);
    const operations = await pendingOperations(50);
    expect(operations.map((op) => [op.type, op.data])).toEqual([
      ['UPSERT_PRODUCT', expect.objectContaining({ id: PRODUCT_ID, price: 1949, baseVersion: 3 })],
      ['UPSERT_PRODUCT', expect.not.objectContaining({ baseVersion: expect.anything() })],
    ]);
  });

  it('queues a new product’s opening stock with it, in chunks of transactions, reporting progress', async () => {
    const csv = ['Name,Price,Stock', ...Array.from({ length: 5 }, (_, index) => `Item ${index},1,${index}`)].join('\n');
    const progress: [number, number][] = [];
    const result = await importProducts(confirmedRows(await reportOf(csv)), {
      rowsPerTransaction: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.saved).toBe(5);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    const operations = await pendingOperations(50);
    expect(operations.filter((op) => op.type === 'RECEIVE_STOCK').map((op) => op.data)).toEqual(
      [1, 2, 3, 4].map((quantity) => expect.objectContaining({ quantity })),
    );
    expect(operations.filter((op) => op.type === 'UPSERT_PRODUCT')).toHaveLength(5);
  });

  it('leaves out a product that changed on this phone after the report', async () => {
    const report = await reportOf('Name,Price,Barcode\nAlbany White Bread 700g,20,6001234567890\nNew,1,');
    await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 4, barcode: '6001234567890' })] }), 'c2');
    const result = await importProducts(confirmedRows(report));
    expect(result).toEqual({ saved: 1, changedMeanwhile: [2] });
    expect((await db.products.get(PRODUCT_ID))?.price).toBe(1899);
  });

  it('writes nothing when one row is not a valid product', async () => {
    const rows = confirmedRows(await reportOf('Name,Price\nGood,1\nAlso good,2'));
    const good = rows[0]?.edit;
    if (!good) throw new Error('expected a valid row');
    const broken = [...rows, { line: 9, edit: { ...good, id: 'not-a-uuid' } }];
    await expect(importProducts(broken)).rejects.toBeInstanceOf(InvalidRecordError);
    const stockOnOld = [{ line: 2, edit: good, seenVersion: 3, openingStock: 2 }];
    await expect(importProducts(stockOnOld)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.products.count()).toBe(2);
  });
});
