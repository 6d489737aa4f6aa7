/**
 * Branch prices (SPEC BP1–BP3) in the browser: the owner gives one branch its own price for a
 * product on the product's page; a till standing in that branch shows it on the sale screen
 * without a reload and sells at it, while the owner's till at Main keeps the shop's price. Back
 * to the shop's price, the branch's till follows.
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, signIn } from '../support/shop.js';

test.setTimeout(120_000);

const BRANCH = 'Rosebank';

async function openBranches(page: Page): Promise<void> {
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-section-branches').click();
  await expect(page.getByTestId('branches-list')).toBeVisible();
}

const branchRow = (page: Page, name: string) => page.getByTestId('branch-row').filter({ hasText: name });
const priceRow = (page: Page, name: string) => page.getByTestId('branch-price-row').filter({ hasText: name });

test('a price set for one branch shows on its till without a reload and is what it sells at; Main keeps the shop’s price', async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const till = await browser.newContext();
  const office = await owner.newPage();
  const counter = await till.newPage();
  const product = `Panado 24s ${Date.now()}`;

  const phone = await registerShop(office, `Branch Price Pharmacy ${Date.now()}`);
  await addProduct(office, { name: product, price: '39.99' });
  await expectAllSynced(office);
  await openBranches(office);
  await office.getByTestId('branch-add-name').fill(BRANCH);
  await office.getByTestId('branch-add-submit').click();
  await expect(branchRow(office, BRANCH)).toBeVisible();

  // A second till moves itself to Rosebank and waits on its sale screen, listening for pokes.
  await signIn(counter, phone);
  await expectAllSynced(counter);
  await openBranches(counter);
  await branchRow(counter, BRANCH).getByTestId('branch-move').click();
  await counter.getByTestId('branch-move-yes').click();
  await expect(counter.getByTestId('branches-message')).toHaveText(`This till now sells at ${BRANCH}.`);
  await counter.getByTestId('nav-sell').click();
  const counterTile = counter.getByTestId('product-tile').filter({ hasText: product });
  await expect(counterTile.getByTestId('product-tile-price')).toHaveText('R\u00a039,99');

  // BP1: the owner sets Rosebank's price on the product's page (a bad one is refused first).
  await office.getByTestId('nav-products').click();
  await office.getByTestId('product-row').filter({ hasText: product }).getByRole('button').first().click();
  const rosebank = priceRow(office, BRANCH);
  await expect(priceRow(office, 'Main')).toContainText('Shop price, R\u00a039,99');
  await rosebank.getByTestId('branch-price-input').fill('4x');
  await rosebank.getByTestId('branch-price-save').click();
  await expect(office.getByTestId('branch-prices-message')).toHaveText('Enter a price in rands, e.g. 21.50.');
  await rosebank.getByTestId('branch-price-input').fill('42.50');
  await rosebank.getByTestId('branch-price-save').click();
  await expect(office.getByTestId('branch-prices-message')).toHaveText(`${BRANCH} now sells it at R\u00a042,50.`);
  await expect(rosebank.getByTestId('branch-price-now')).toHaveText('Own price, R\u00a042,50');
  await office.getByTestId('branch-prices').screenshot({ path: `${SCREENSHOTS}branch-prices.png` });

  // BP2: Rosebank's till shows it without a reload; the owner's till (Main) keeps the shop's price.
  await expect(counterTile.getByTestId('product-tile-price')).toHaveText('R\u00a042,50');
  await office.getByTestId('nav-sell').click();
  const officeTile = office.getByTestId('product-tile').filter({ hasText: product });
  await expect(officeTile.getByTestId('product-tile-price')).toHaveText('R\u00a039,99');

  // BP3: Rosebank sells at its price, and the server keeps the sale at it.
  await counterTile.click();
  await expect(counter.getByTestId('cart-total')).toHaveText('R\u00a042,50');
  await counter.getByTestId('pay-button').click();
  await counter.getByTestId('tendered-input').fill('50');
  await counter.getByTestId('confirm-payment').click();
  await expect(counter.getByTestId('sale-done')).toBeVisible();
  await counter.getByTestId('new-sale').click();
  await expectAllSynced(counter);
  const sold = await queryServerDb<{ total: number; branch: string }>(
    `select s.total_amount as total, b.name as branch from sales s join branches b on b.id = s.branch_id
       where s.tenant_id = (select tenant_id from products where name = $1)`,
    [product],
  );
  expect(sold).toEqual([{ total: 4250, branch: BRANCH }]);

  // Back to the shop's price: Rosebank's till follows.
  await office.getByTestId('nav-products').click();
  await office.getByTestId('product-row').filter({ hasText: product }).getByRole('button').first().click();
  await priceRow(office, BRANCH).getByTestId('branch-price-remove').click();
  await expect(office.getByTestId('branch-prices-message')).toHaveText(
    `${BRANCH} sells it at the shop’s price, R\u00a039,99, again.`,
  );
  await counter.getByTestId('nav-sell').click();
  await expect(counterTile.getByTestId('product-tile-price')).toHaveText('R\u00a039,99');

  await owner.close();
  await till.close();
});
