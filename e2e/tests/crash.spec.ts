/**
 * Issue 3, "Must show" 5: the browser process is killed right after "Paid", and
 * again in the middle of a push whose sale the server has already committed.
 * After a restart every paid sale is still on the device and reaches the server
 * exactly once. Also: two tabs of one device selling at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_BASE_URL, pushBodyText, salesOf } from '../support/server.js';
import { addProduct, expectAllSynced, registerShop } from '../support/shop.js';
import { killAllCrashables, launchCrashable } from '../support/crashable-browser.js';

// Tracing and failure screenshots would reach into browsers this spec kills on purpose.
test.use({ trace: 'off', screenshot: 'off' });

const folders: string[] = [];
test.afterEach(() => killAllCrashables());
test.afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function profile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'opentill-crash-'));
  folders.push(folder);
  return folder;
}

async function sellOne(page: Page, productName: string, tendered: string): Promise<void> {
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: productName }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill(tendered);
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
}

test('a sale paid just before the browser is killed survives and syncs once', async () => {
  const userDataDir = profile();
  const shop = `Crash Spaza ${Date.now()}`;
  const first = await launchCrashable(userDataDir);
  await first.page.goto(E2E_BASE_URL);
  await registerShop(first.page, shop);
  await addProduct(first.page, { name: 'Lifebuoy Soap 175g', price: '14.99' });
  await expectAllSynced(first.page);

  // The network swallows pushes, so the sale is only on the phone when the power goes.
  // (The handler may still be answering when the process dies: that error is expected.)
  await first.context.route('**/api/v1/sync', (route) => route.abort('internetdisconnected').catch(() => undefined));
  await sellOne(first.page, 'Lifebuoy Soap 175g', '20');
  await first.kill();
  expect(await salesOf(shop)).toHaveLength(0);

  const second = await launchCrashable(userDataDir);
  await second.page.goto(E2E_BASE_URL);
  await expectAllSynced(second.page);
  const rows = await salesOf(shop);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ total_amount: 1499, tendered: 2000, change: 501 });
  await second.kill();
});

test('a browser killed during a push the server committed sends it again, and it is stored once', async () => {
  const userDataDir = profile();
  const shop = `Mid-push Spaza ${Date.now()}`;
  const first = await launchCrashable(userDataDir);
  await first.page.goto(E2E_BASE_URL);
  await registerShop(first.page, shop);
  await addProduct(first.page, { name: 'Colgate Toothpaste 100ml', price: '24.99' });
  await expectAllSynced(first.page);

  // The server receives and commits the push; the browser dies before the answer arrives.
  let committed: () => void = () => undefined;
  const pushCommitted = new Promise<void>((resolve) => (committed = resolve));
  await first.context.route('**/api/v1/sync', async (route) => {
    try {
      if (!pushBodyText(route.request()).includes('CREATE_SALE')) return await route.continue();
      // Forward it ourselves (not route.fetch, whose request context dies with the browser).
      const request = route.request();
      await fetch(request.url(), {
        method: 'POST',
        headers: request.headers(),
        body: new Uint8Array(request.postDataBuffer() ?? Buffer.alloc(0)),
      });
      committed();
      // Never answered: the process is killed while this request is in flight.
    } catch {
      // The browser died under this handler, as intended.
    }
  });
  await sellOne(first.page, 'Colgate Toothpaste 100ml', '30');
  await pushCommitted;
  expect(await salesOf(shop)).toHaveLength(1);
  await first.kill();

  const second = await launchCrashable(userDataDir);
  await second.page.goto(E2E_BASE_URL);
  await expectAllSynced(second.page);
  expect(await salesOf(shop)).toHaveLength(1);
  await second.kill();
});

test('two tabs of one device sell at once; every sale reaches the server once', async ({ context }) => {
  const shop = `Two Tabs Spaza ${Date.now()}`;
  const left = await context.newPage();
  await registerShop(left, shop);
  await addProduct(left, { name: 'Bonaqua Water 500ml', price: '9.99' });
  await expectAllSynced(left);
  const right = await context.newPage();
  await right.goto('/');
  await expect(right.getByTestId('product-search')).toBeVisible();

  for (let round = 0; round < 3; round++) {
    await Promise.all([sellOne(left, 'Bonaqua Water 500ml', '10'), sellOne(right, 'Bonaqua Water 500ml', '20')]);
    await left.getByTestId('new-sale').click();
    await right.getByTestId('new-sale').click();
  }
  await expectAllSynced(left);
  await expectAllSynced(right);
  await expect.poll(async () => (await salesOf(shop)).length).toBe(6);
});
