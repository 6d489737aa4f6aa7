/**
 * Stock (SPEC ST3, ST4) in the browser: two phones of one shop both sell the last
 * unit of a tracked product while offline. Under "sell and flag for review" both
 * sales stand, the branch goes to −1 and an oversell waits in the Conflicts inbox
 * of both phones until someone counts the shelf. Under "refuse the sale" the sale
 * that reaches the server second is refused and shown as such on its phone.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import {
  SCREENSHOTS,
  addProduct,
  expectAllSynced,
  registerShop,
  signIn,
  waitForServiceWorker,
} from '../support/shop.js';

// Two phones, several syncs and a pull after a poke: bounded, with room for the 30 s safety-net pull.
test.setTimeout(150_000);
const POKED = { timeout: 35_000 };

interface Phone {
  context: BrowserContext;
  page: Page;
}

async function onHand(productName: string): Promise<number | undefined> {
  const rows = await queryServerDb<{ on_hand: number }>(
    `select l.on_hand from stock_levels l join products p on p.id = l.product_id where p.name = $1`,
    [productName],
  );
  return rows[0]?.on_hand;
}

async function exceptionsOf(productName: string) {
  return queryServerDb<{ status: string; shortfall: number; resolution: string | null }>(
    `select e.status, e.shortfall, e.resolution from stock_exceptions e join products p on p.id = e.product_id
      where p.name = $1`,
    [productName],
  );
}

async function saleStatuses(businessName: string): Promise<string[]> {
  const rows = await queryServerDb<{ status: string }>(
    `select s.status from sales s join tenants t on t.id = s.tenant_id where t.business_name = $1 order by s.status`,
    [businessName],
  );
  return rows.map((row) => row.status);
}

function tile(page: Page, name: string) {
  return page.getByTestId('product-tile').filter({ hasText: name });
}

/** Sells one unit for R20 cash and starts a new sale. */
async function sellOne(page: Page, name: string): Promise<void> {
  await tile(page, name).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('20');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await page.getByTestId('new-sale').click();
}

/**
 * The owner adds a tracked product with one on the shelf; a second phone signs in;
 * both see "1 in stock"; both go offline and each sells it; then the first phone
 * syncs, then the second.
 */
async function bothSellTheLastUnit(browser: Browser, policy: 'flag' | 'reject') {
  const shop = `Oversell Spaza ${policy} ${Date.now()}`;
  const product = `Albany Bread ${policy} ${Date.now()}`;
  const first: Phone = await openPhone(browser);
  const second: Phone = await openPhone(browser);

  const phone = await registerShop(first.page, shop);
  await waitForServiceWorker(first.page);
  await addProduct(first.page, { name: product, price: '18.99', stock: { opening: '1', policy } });
  await expectAllSynced(first.page);
  await signIn(second.page, phone);
  for (const { page } of [first, second]) {
    await page.getByTestId('nav-sell').click();
    await expect(tile(page, product)).toContainText('1 in stock');
  }

  for (const { context } of [first, second]) await context.setOffline(true);
  for (const { page } of [first, second]) {
    await sellOne(page, product);
    // The phone counts its own sale at once.
    await expect(tile(page, product).getByTestId('stock-figure')).toHaveAttribute('data-on-hand', '0');
  }

  await first.context.setOffline(false);
  await expectAllSynced(first.page);
  await second.context.setOffline(false);
  await expectAllSynced(second.page);
  return { shop, product, first, second };
}

async function openPhone(browser: Browser): Promise<Phone> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('flag: both offline sales stand, the oversell waits in both inboxes until the shelf is counted', async ({
  browser,
}) => {
  const { shop, product, first, second } = await bothSellTheLastUnit(browser, 'flag');

  expect(await saleStatuses(shop)).toEqual(['completed', 'completed']);
  expect(await onHand(product)).toBe(-1);
  expect(await exceptionsOf(product)).toEqual([{ status: 'open', shortfall: 1, resolution: null }]);

  const oversell = `Sold more ${product} than the shop had: 1 short`;
  for (const { page } of [first, second]) {
    await page.getByTestId('nav-sync').click();
    await expect(page.getByTestId('stock-exception-item')).toHaveCount(1, POKED);
    await expect(page.getByTestId('stock-exception-item')).toContainText(oversell);
    await expect(page.getByTestId('stock-exception-item')).toContainText('This phone shows -1 in stock.');
  }
  await first.page.screenshot({ path: `${SCREENSHOTS}oversell-inbox.png` });

  // Someone counts the shelf: it is empty.
  await first.page.getByTestId('stock-exception-count').click();
  await first.page.getByTestId('stock-exception-counted-quantity').fill('0');
  await first.page.getByTestId('stock-exception-counted-save').click();
  await expect(first.page.getByTestId('stock-exception-item')).toHaveCount(0);
  await expectAllSynced(first.page);

  await expect
    .poll(() => exceptionsOf(product))
    .toEqual([{ status: 'resolved', shortfall: 1, resolution: 'adjusted' }]);
  expect(await onHand(product)).toBe(0);
  await expect(second.page.getByTestId('stock-exception-item')).toHaveCount(0, POKED);
  await expect(first.page.getByTestId('stock-exception-item')).toHaveCount(0);
  await second.page.getByTestId('nav-sell').click();
  await expect(tile(second.page, product)).toContainText('0 in stock', POKED);

  await first.context.close();
  await second.context.close();
});

test('reject: the sale that reaches the server second is refused and shown on its phone', async ({ browser }) => {
  const { shop, product, first, second } = await bothSellTheLastUnit(browser, 'reject');

  expect(await saleStatuses(shop)).toEqual(['completed', 'refused']);
  expect(await onHand(product)).toBe(0);
  expect(await exceptionsOf(product)).toEqual([]);

  await second.page.getByTestId('nav-sync').click();
  const refused = second.page.getByTestId('refused-sale-item');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText(`Sale refused: not enough ${product} (asked 1, had 0)`);
  await expect(refused).toContainText('18,99');
  await second.page.screenshot({ path: `${SCREENSHOTS}sale-refused.png` });
  // Neither the refusal nor anything else waits to be sent.
  await expect(second.page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '0');

  // The first phone, whose sale stood, has nothing to resolve.
  await first.page.getByTestId('nav-sync').click();
  await expect(first.page.getByTestId('conflicts-inbox')).toContainText('No conflicts.');

  await refused.getByTestId('refused-sale-dismiss').click();
  await refused.getByTestId('refused-sale-dismiss-confirm').click();
  await expect(second.page.getByTestId('refused-sale-item')).toHaveCount(0);
  expect(await saleStatuses(shop)).toEqual(['completed', 'refused']);

  await first.context.close();
  await second.context.close();
});
