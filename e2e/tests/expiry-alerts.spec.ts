/**
 * Issue 7's expiry alerts (SPEC AL6–AL9): the owner receives two lots with their expiry dates, one
 * expiring today and one in 10 days; once the deliveries are synced and the batches pulled, the
 * bell counts both and the centre lists them, soonest first. The next day (the phone's clock moved
 * on, offline) the first lot has expired and is listed first, to be written off; tapping it opens
 * the product with its batches.
 */
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test.setTimeout(120_000);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The shop's calendar date (South Africa, UTC+2 all year) at an instant, as the app judges it. */
function shopDate(at: number): string {
  return new Date(at + 2 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Receives `quantity` units of a lot with its expiry on the product's stock panel. */
async function receiveLot(page: Page, name: string, quantity: string, lot: string, expiresOn: string): Promise<void> {
  await page.getByTestId('nav-products').click();
  await page.getByTestId('product-row').filter({ hasText: name }).getByRole('button').first().click();
  const panel = page.getByTestId('stock-panel');
  await panel.getByTestId('stock-receive').click();
  await panel.getByTestId('stock-receive-quantity').fill(quantity);
  await panel.getByTestId('stock-receive-lot').fill(lot);
  await panel.getByTestId('stock-receive-expiry').fill(expiresOn);
  await panel.getByTestId('stock-receive-save').click();
  await expect(panel.getByTestId('stock-receive-save')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to products' }).first().click();
  await expect(page.getByTestId('products-list')).toBeVisible();
}

test('lots expiring soon raise expiry alerts; the day after its expiry a lot is to be written off', async ({
  page,
  context,
}) => {
  const panado = 'Panado 500mg 24s';
  const grandpa = 'Grandpa Headache Powders 38s';
  const now = Date.now();
  const today = shopDate(now);
  await registerShop(page, `Expiry Pharmacy ${now}`);
  await waitForServiceWorker(page);
  // Tracked without a reorder level: never a low-stock alert, so the bell counts only expiry.
  await addProduct(page, { name: panado, price: '45.00', stock: { opening: '1', policy: 'flag' } });
  await addProduct(page, { name: grandpa, price: '30.00', stock: { opening: '1', policy: 'flag' } });
  await expectAllSynced(page);
  const bell = page.getByTestId('alerts-bell');
  await expect(bell).toHaveAttribute('data-count', '0');

  // The lots reach the phone's batches once the deliveries are synced and pulled back (BT11).
  await receiveLot(page, grandpa, '12', 'G-10', shopDate(now + 10 * DAY_MS));
  await receiveLot(page, panado, '6', 'P-TODAY', today);
  await expectAllSynced(page);
  await expect(page.getByTestId('alerts-count')).toHaveText('2');

  await bell.click();
  const centre = page.getByTestId('notification-centre');
  const alerts = centre.getByTestId('stock-alert');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.nth(0)).toHaveAttribute('data-kind', 'expiring');
  await expect(alerts.nth(0)).toContainText(panado);
  await expect(alerts.nth(0).getByTestId('stock-alert-figures')).toContainText('Lot P-TODAY · 6 in stock · expires');
  await expect(alerts.nth(0).getByTestId('stock-alert-tag')).toHaveText('Expires today');
  await expect(alerts.nth(1)).toContainText(grandpa);
  await expect(alerts.nth(1).getByTestId('stock-alert-tag')).toHaveText('Expires in 10 days');
  await page.screenshot({ path: `${SCREENSHOTS}expiry-alerts.png` });
  await page.keyboard.press('Escape');

  // The next day, offline: the phone judges expiry by its own calendar (BT1), from what it holds.
  await context.setOffline(true);
  await page.clock.setFixedTime(new Date(now + DAY_MS));
  await page.reload();
  await expect(page.getByTestId('alerts-count')).toHaveText('2');
  await page.getByTestId('alerts-bell').click();
  await expect(alerts.nth(0)).toHaveAttribute('data-kind', 'expired');
  await expect(alerts.nth(0).getByTestId('stock-alert-figures')).toContainText(
    'Lot P-TODAY · 6 on the shelf · expired',
  );
  await expect(alerts.nth(0).getByTestId('stock-alert-tag')).toHaveText('Expired — write off');
  await expect(alerts.nth(1).getByTestId('stock-alert-tag')).toHaveText('Expires in 9 days');
  await page.screenshot({ path: `${SCREENSHOTS}expiry-alerts-expired.png` });

  // Tapping it opens the product, whose batches show the expired lot.
  await alerts.nth(0).click();
  await expect(centre).toHaveCount(0);
  await expect(page.getByTestId('edit-product-name')).toHaveValue(panado);
  await expect(page.getByTestId('batch-list')).toContainText('P-TODAY');
});
