/**
 * Issue 3 in the browser: a price change reaches another device's sale screen
 * without a reload (pokes), and two devices editing the same product offline
 * meet in the Conflicts inbox, where a person chooses.
 */
import { expect, test } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { addProduct, editPrice, expectAllSynced, registerShop, signIn, waitForServiceWorker } from '../support/shop.js';

async function serverPrice(name: string): Promise<number | undefined> {
  const rows = await queryServerDb<{ price: number }>('select price from products where name = $1', [name]);
  return rows[0]?.price;
}

test('a price change reaches another device’s sale screen without a reload', async ({ browser }) => {
  const owner = await browser.newContext();
  const till = await browser.newContext();
  const office = await owner.newPage();
  const counter = await till.newPage();
  const name = `Sunlight Liquid ${Date.now()}`;

  const phone = await registerShop(office, `Realtime Spaza ${Date.now()}`);
  await addProduct(office, { name, price: '32.99' });
  await expectAllSynced(office);
  await signIn(counter, phone);
  const tile = counter.getByTestId('product-tile').filter({ hasText: name });
  await expect(tile).toContainText('32,99');

  const started = Date.now();
  await editPrice(office, name, '34.99');
  await expect(tile).toContainText('34,99', { timeout: 5_000 });
  console.log(`price change seen on the other device after ${Date.now() - started} ms (from the tap on Save)`);
  await owner.close();
  await till.close();
});

test('two offline edits of one product meet in the Conflicts inbox, and the person chooses', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  const name = `Joko Tea ${Date.now()}`;

  const phone = await registerShop(a, `Conflict Spaza ${Date.now()}`);
  await waitForServiceWorker(a);
  await addProduct(a, { name, price: '52.99' });
  await expectAllSynced(a);
  await signIn(b, phone);
  await expect(b.getByTestId('product-tile').filter({ hasText: name })).toBeVisible();

  // Both phones lose the network and change the same price.
  await first.setOffline(true);
  await second.setOffline(true);
  await editPrice(a, name, '49.99');
  await editPrice(b, name, '55.00');

  await first.setOffline(false);
  await expectAllSynced(a);
  expect(await serverPrice(name)).toBe(4999);

  await second.setOffline(false);
  await expectAllSynced(b);
  // The shop kept the first edit; the second phone's edit waits for a decision.
  expect(await serverPrice(name)).toBe(4999);
  await b.getByTestId('nav-sync').click();
  const conflict = b.getByTestId('conflict-item');
  await expect(conflict).toHaveCount(1);
  await expect(b.getByTestId('conflicts-inbox')).toContainText('49,99');
  await expect(b.getByTestId('conflicts-inbox')).toContainText('55,00');
  await b.screenshot({ path: new URL('../artifacts/screenshots/conflicts-inbox.png', import.meta.url).pathname });

  await b.getByTestId('conflict-use-mine').click();
  await expect(conflict).toHaveCount(0);
  await expectAllSynced(b);
  await expect.poll(() => serverPrice(name)).toBe(5500);
  // And the first phone learns the outcome.
  await a.getByTestId('nav-sell').click();
  await expect(a.getByTestId('product-tile').filter({ hasText: name })).toContainText('55,00', { timeout: 35_000 });
  await first.close();
  await second.close();
});
