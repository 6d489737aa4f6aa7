/**
 * A phone that goes offline before the app finished installing (no service worker
 * yet) cannot open a screen whose code it never downloaded: it says so in words,
 * with a way to try again, instead of showing a blank page; the till stays usable.
 */
import { expect, test } from '@playwright/test';
import { registerShop } from '../support/shop.js';

test.use({ serviceWorkers: 'block' });

test('a screen not yet on the phone says so offline, and the other tabs still work', async ({ page, context }) => {
  await registerShop(page, `Half-installed Spaza ${Date.now()}`);
  await context.setOffline(true);

  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('screen-not-loaded')).toContainText('has not finished downloading');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();

  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('screen-not-loaded')).toHaveCount(0);
  await expect(page.getByTestId('product-search')).toBeVisible();
});
