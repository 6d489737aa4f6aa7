/**
 * ARCHITECTURE "Sync" 1: the phone refuses to sign out while a sale is unsynced
 * (nothing is deleted), and signs out, back to the welcome screen, once all is synced.
 */
import { expect, test } from '@playwright/test';
import { salesOf } from '../support/server.js';
import { addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test('sign-out is refused while a sale is unsynced, and wipes the phone once all is synced', async ({
  page,
  context,
}) => {
  const shop = `Sign-out Spaza ${Date.now()}`;
  await registerShop(page, shop);
  // The Sync screen is loaded lazily: it must come from the service worker's cache offline.
  await waitForServiceWorker(page);
  await addProduct(page, { name: 'Clover Full Cream Milk 1L', price: '21.99' });
  await expectAllSynced(page);

  await context.setOffline(true);
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: 'Clover Full Cream Milk 1L' }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('30');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '1');

  await page.getByTestId('nav-sync').click();
  await page.getByTestId('sign-out').click();
  const refused = page.getByTestId('sign-out-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('1 item');
  await expect(refused).toContainText('lost');
  await expect(page.getByTestId('sign-out-confirm')).toHaveCount(0);
  // Nothing was deleted: the sale is still queued, the phone still signed in.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '1');
  await expect(page.getByTestId('sync-lane-high')).toHaveText('1');

  await context.setOffline(false);
  await expectAllSynced(page);
  expect(await salesOf(shop)).toHaveLength(1);
  await expect(refused).toHaveCount(0); // the live count reached zero

  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-out-confirm').click();
  await expect(page.getByTestId('welcome-register')).toBeVisible();

  // Signed out for good: a reload still shows the welcome screen, not the till.
  await page.reload();
  await expect(page.getByTestId('welcome-register')).toBeVisible();
  expect(await salesOf(shop)).toHaveLength(1);
});
