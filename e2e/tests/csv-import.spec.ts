/**
 * CSV import and export of products (issue 7, SPEC CSV1–CSV12), in the browser: a file Excel
 * on Windows saved (Windows-1252, ";" between cells, decimal commas) with bad rows (no name,
 * price "abc", a negative price, two rows with one barcode, an existing product's barcode) is
 * refused as UTF-8 until the person chooses Windows-1252, then reported row by row; the product
 * list is unchanged until "Import 2 valid products", which needs "Leave out the rows with
 * problems". The two products (one with opening stock) reach the server through the sync, and
 * "Export CSV" downloads the catalogue with them.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { SCREENSHOTS, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test.setTimeout(120_000);

const BREAD = 'White bread 700g';
const BREAD_BARCODE = '6001000000018';

/** The file as Excel on Windows saves it: Windows-1252 bytes ("è" is the single byte 0xE8). */
const FILE = Buffer.from(
  [
    'Name;Price (R);Barcode;Stock code;Opening stock;Supplier',
    'Crème soda 2L;24,99;6001000000025;CS-2;10;Coke SA',
    ';12,50;6001000000032;;;',
    'Sugar 1kg;abc;6001000000049;;;',
    'Salt;-5,00;6001000000056;;;',
    'Rice 2kg;39,99;6001000000063;;;',
    'Rice 2kg (again);41,99;6001000000063;;;',
    `Brown bread;17,99;${BREAD_BARCODE};BRD-2;;`,
    'Maize meal 5kg;R 1 299,00;;;;',
  ].join('\r\n'),
  'latin1',
);

function reportRow(page: Page, line: number) {
  return page.locator(`[data-testid="csv-import-row"][data-line="${line}"]`);
}

test('a CSV file with bad rows is reported by row and imports nothing until the valid rows are confirmed', async ({
  page,
}) => {
  const shop = `CSV Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);

  // The catalogue holds bread with its barcode and stock code.
  await page.getByTestId('nav-products').click();
  await page.getByTestId('add-product-name').fill(BREAD);
  await page.getByTestId('add-product-price').fill('18.99');
  await page.getByTestId('add-product-barcode').fill(BREAD_BARCODE);
  await page.getByTestId('add-product-sku').fill('BRD-1');
  await page.getByTestId('add-product-submit').click();
  await expect(page.getByTestId('products-list')).toContainText(BREAD);
  await expectAllSynced(page);

  await page.getByTestId('csv-import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: FILE });
  const report = page.getByTestId('csv-import-report');
  // Not UTF-8: said, with the line, and nothing read until the person chooses the encoding.
  await expect(report).toContainText('line 2');
  await expect(page.getByTestId('csv-import-row')).toHaveCount(0);
  await expect(page.getByTestId('csv-import-confirm')).toBeDisabled();
  await page.getByTestId('csv-import-as-windows-1252').click();

  await expect(page.getByTestId('csv-import-row')).toHaveCount(8);
  const expected: [number, string, string][] = [
    [2, 'ok', 'Crème soda 2L'],
    [3, 'error', 'Name: missing.'],
    [4, 'error', 'Price: not a price'],
    [5, 'error', 'Price: cannot be below zero.'],
    [6, 'error', 'Barcode: also on line 7.'],
    [7, 'error', 'Barcode: also on line 6.'],
    [8, 'error', `Barcode: already used by “${BREAD}”.`],
    [9, 'ok', 'Maize meal 5kg'],
  ];
  for (const [line, status, words] of expected) {
    await expect(reportRow(page, line)).toHaveAttribute('data-status', status);
    await expect(reportRow(page, line)).toContainText(words);
  }
  await expect(page.getByTestId('csv-import-file-problem')).toContainText('Supplier');
  await page.screenshot({ path: `${SCREENSHOTS}csv-import-report.png`, fullPage: true });

  // Nothing written yet: the list is as it was, and importing waits for "leave out the rows with problems".
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('csv-import-confirm')).toBeDisabled();
  await page.getByTestId('csv-import-skip-invalid').check();
  await expect(page.getByTestId('csv-import-confirm')).toHaveText('Import 2 valid products');
  await page.getByTestId('csv-import-confirm').click();
  await expect(page.getByTestId('csv-import-done')).toContainText('2 products imported');

  await expect(page.getByTestId('product-row')).toHaveCount(3);
  await expect(page.getByTestId('products-list')).toContainText('Crème soda 2L');
  await expect(page.getByTestId('products-list')).toContainText('Maize meal 5kg');

  // Through the outbox to the server: the two products, and the opening stock of ten.
  await expectAllSynced(page);
  const onServer = await queryServerDb<{ name: string; price: number; sku: string | null; on_hand: number | null }>(
    `select p.name, p.price, p.sku, l.on_hand from products p join tenants t on t.id = p.tenant_id
       left join stock_levels l on l.product_id = p.id
      where t.business_name = $1 order by p.name`,
    [shop],
  );
  expect(onServer).toEqual([
    { name: 'Crème soda 2L', price: 2499, sku: 'CS-2', on_hand: 10 },
    { name: 'Maize meal 5kg', price: 129900, sku: null, on_hand: null },
    { name: BREAD, price: 1899, sku: 'BRD-1', on_hand: null },
  ]);

  // Export: the device's catalogue and stock, UTF-8 with a byte-order mark, ";" between cells.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = await readFile(await download.path(), 'utf8');
  expect(exported.startsWith('\uFEFFName;Price;Barcode;')).toBe(true);
  expect(exported).toContain('Crème soda 2L;24,99;6001000000025;');
  expect(exported).toContain(`${BREAD};18,99;${BREAD_BARCODE};`);
});
