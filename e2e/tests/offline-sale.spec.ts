/**
 * Issue 2, "Must show" 3: register a shop, add a product, go offline, reload (the
 * app still opens), sell two items for cash with change, go online, and find the
 * sale in the server's database exactly once with the right total and items.
 */
import { expect, test } from '@playwright/test';
import { pushBodyText, salesOf } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test('a sale made offline reaches the server exactly once', async ({ page, context }) => {
  const shop = `Offline Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, {
    name: 'Albany Superior White Bread 700g',
    price: '18.99',
    barcode: '6001253010123',
    category: 'Bakery',
  });
  await expectAllSynced(page);

  // Offline from here: the reload must come from the service worker and IndexedDB.
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  const bread = page.getByTestId('product-tile').filter({ hasText: 'Albany Superior White Bread 700g' });
  await expect(bread).toBeVisible();

  await bread.click();
  await bread.click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-total')).toContainText('37,98');
  await page.screenshot({ path: `${SCREENSHOTS}sales-screen.png` });

  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('50');
  await expect(page.getByTestId('change-amount')).toContainText('12,02');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('sale-done')).toContainText('12,02');
  await page.screenshot({ path: `${SCREENSHOTS}sale-done.png` });

  // Paid and stored on the device, not yet on the server.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '1');
  expect(await salesOf(shop)).toHaveLength(0);

  await context.setOffline(false);
  await expectAllSynced(page);

  const rows = await salesOf(shop);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ total_amount: 3798, tendered: 5000, change: 1202, payment_method: 'cash' });
  expect(rows[0]?.items).toEqual([
    expect.objectContaining({ name: 'Albany Superior White Bread 700g', quantity: 2, price: 1899 }),
  ]);
});

test('a push retried after lost answers still stores the sale once', async ({ page }) => {
  const shop = `Retry Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await addProduct(page, { name: 'Clover Full Cream Milk 1L', price: '21.99' });
  await expectAllSynced(page);

  // The server receives and applies each push, but the answer is lost on the way
  // back three times, so the device must send the same sale again.
  let lostAnswers = 0;
  let pushedSale: { body: Buffer; headers: Record<string, string> } | undefined;
  await page.route('**/api/v1/sync', async (route) => {
    const carriesSale = pushBodyText(route.request()).includes('CREATE_SALE');
    const response = await route.fetch();
    if (carriesSale) {
      pushedSale ??= { body: route.request().postDataBuffer() ?? Buffer.alloc(0), headers: route.request().headers() };
    }
    if (carriesSale && lostAnswers < 3) {
      lostAnswers += 1;
      await route.abort('connectionreset');
      return;
    }
    await route.fulfill({ response });
  });

  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: 'Clover Full Cream Milk 1L' }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('30');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();

  await expectAllSynced(page);
  expect(lostAnswers).toBe(3);
  expect(await salesOf(shop)).toHaveLength(1);

  // And the very same request (byte for byte, gzipped or not), replayed five more times, changes nothing.
  if (!pushedSale) throw new Error('no push carried the sale');
  const encoding = pushedSale.headers['content-encoding'];
  for (let replay = 0; replay < 5; replay++) {
    const response = await page.request.post('/api/v1/sync', {
      headers: {
        authorization: pushedSale.headers.authorization ?? '',
        'content-type': 'application/json',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      },
      data: pushedSale.body,
    });
    expect(response.status()).toBe(200);
    const { acknowledgments } = (await response.json()) as { acknowledgments: { status: string }[] };
    expect(acknowledgments.map((ack) => ack.status)).toEqual(['created']);
  }
  const rows = await salesOf(shop);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ total_amount: 2199, tendered: 3000, change: 801 });
});
