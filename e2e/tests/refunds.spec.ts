/**
 * Refunds and voids at the till (SPEC RF8–RF10, RC1–RC3): offline on the phone
 * that sold, a partial refund of a split card-and-cash sale found by its typed
 * receipt number goes back to the card; a cash sale of the open shift is voided;
 * what was returned cannot be returned again; the X report counts both. Online,
 * a second phone finds the first phone's sale through the server, sees what is
 * left of it and refunds another loaf in cash. The server holds all three, each
 * applied, with the money going where the phones said.
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import {
  SCREENSHOTS,
  addProduct,
  expectAllSynced,
  registerShop,
  signIn,
  waitForServiceWorker,
} from '../support/shop.js';

const BREAD = 'Albany Superior White Bread 700g';
const MILK = 'Clover Full Cream Milk 1L';

/** RC1: the shop's first phone is till T1. */
const receiptNumber = (seq: number) => `T1-${seq}`;

function tile(page: Page, name: string) {
  return page.getByTestId('product-tile').filter({ hasText: name });
}

async function payAndStartAgain(page: Page) {
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
}

/** Opens the Sales tab and finds a sale by the number on its slip, typed as `typed` (case and spaces forgiven). */
async function findByNumber(page: Page, number: string, typed = number) {
  await page.getByTestId('nav-sales').click();
  await page.getByTestId('receipt-search').fill(typed);
  await page.getByTestId('receipt-find').click();
  await expect(page.getByTestId('refund-panel')).toBeVisible();
  await expect(page.getByTestId('refund-receipt')).toHaveText(number);
}

function line(page: Page, name: string) {
  return page.getByTestId('refund-line').filter({ hasText: name });
}

test.setTimeout(150_000);

test('refunds and a void offline, then a refund of the same sale on another phone, all reach the server', async ({
  page,
  context,
  browser,
}) => {
  const shop = `Refund Spaza ${Date.now()}`;
  const phone = await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: BREAD, price: '18.90' });
  await addProduct(page, { name: MILK, price: '21.50' });
  await expectAllSynced(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('shift-button').click();
  await page.getByTestId('shift-float').fill('100');
  await page.getByTestId('shift-open-confirm').click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Sale 1: 3 bread and a milk (R 78,20): R 40 by card, the rest in cash. Sale 2: a milk in cash.
  for (const name of [BREAD, BREAD, BREAD, MILK]) await tile(page, name).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('method-card').click();
  await page.getByTestId('tendered-input').fill('40');
  await page.getByTestId('add-tender').click();
  await page.getByTestId('method-cash').click();
  await page.getByTestId('tendered-input').fill('38.20');
  await payAndStartAgain(page);
  await tile(page, MILK).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('21.50');
  await payAndStartAgain(page);

  // RF8: two loaves of sale 1 back "as paid": the card takes back up to the R 40 it paid.
  await findByNumber(page, receiptNumber(1), receiptNumber(1).toLowerCase().replace('-', ' - '));
  await line(page, BREAD)
    .getByRole('button', { name: `One more ${BREAD}` })
    .click();
  await line(page, BREAD)
    .getByRole('button', { name: `One more ${BREAD}` })
    .click();
  await expect(page.getByTestId('refund-confirm')).toBeDisabled(); // no reason yet
  await page.getByRole('button', { name: 'Changed mind' }).click();
  await expect(page.getByText('As paid: card R 37,80')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}refund-panel.png` });
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done')).toBeVisible();
  await expect(page.getByTestId('refund-amount')).toHaveText('R 37,80');
  await expect(page.getByTestId('refund-part')).toHaveText(['cardR 37,80']);
  await page.getByTestId('refund-done-ok').click();

  // The list shows it; the sale has one loaf left, the milk untouched.
  await expect(page.getByTestId('recent-sale').nth(1)).toContainText('Refunded R 37,80');
  await page.getByTestId('recent-sale').nth(1).click();
  await expect(line(page, BREAD)).toContainText('1 left to return');
  await expect(page.getByTestId('void-sale')).toHaveCount(0); // refunded already: no void (RF9)
  await page.getByRole('button', { name: '‹ Back' }).click();

  // RF9: sale 2 voided within the shift: all of it, back in cash.
  await page.getByTestId('recent-sale').first().click();
  await page.getByRole('button', { name: 'Wrong item' }).click();
  await page.getByTestId('void-sale').click();
  await expect(page.getByTestId('refund-done')).toContainText('Voided');
  await expect(page.getByTestId('refund-part')).toHaveText(['cashR 21,50']);
  await page.getByTestId('refund-done-ok').click();
  await page.getByTestId('recent-sale').first().click();
  await expect(line(page, MILK)).toContainText('All returned');
  await expect(page.getByTestId('refund-confirm')).toBeDisabled();
  await page.getByRole('button', { name: '‹ Back' }).click();

  // The X report: one refund by card, one void, the void's cash out of the drawer.
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('shift-button').click();
  const report = page.getByTestId('x-report');
  await expect(report).toContainText('1 refund');
  await expect(report).toContainText('1 void');
  // Float R 100 + cash R 38,20 + R 21,50 − the void's R 21,50.
  await expect(report.getByTestId('report-expected')).toContainText('R 138,20');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  await context.setOffline(false);
  await expectAllSynced(page);

  // RC3: another phone finds the sale through the server, with the refund of it so far, and refunds a loaf in cash.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, phone);
  await findByNumber(second, receiptNumber(1));
  await expect(line(second, BREAD)).toContainText('1 left to return');
  await line(second, BREAD)
    .getByRole('button', { name: `One more ${BREAD}` })
    .click();
  await second.getByText('Cash', { exact: true }).click();
  await second.getByRole('button', { name: 'Damaged' }).click();
  await second.getByText('Write off (damaged or expired)').click();
  await second.getByTestId('refund-confirm').click();
  await expect(second.getByTestId('refund-part')).toHaveText(['cashR 18,90']);
  await expectAllSynced(second);
  await other.close();

  const refunds = await queryServerDb<{
    amount: number;
    method: string;
    kind: string;
    status: string;
    restock: boolean;
  }>(
    `select r.amount, r.method, r.kind, r.status, r.restock
       from refunds r join tenants t on t.id = r.tenant_id
      where t.business_name = $1 order by r.amount desc`,
    [shop],
  );
  expect(refunds).toEqual([
    { amount: 3780, method: 'card', kind: 'refund', status: 'applied', restock: true },
    { amount: 2150, method: 'cash', kind: 'void', status: 'applied', restock: true },
    { amount: 1890, method: 'cash', kind: 'refund', status: 'applied', restock: false },
  ]);
});
