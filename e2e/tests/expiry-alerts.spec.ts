/**
 * Issue 7's expiry alerts (SPEC AL6–AL9): the owner receives two lots with their expiry dates, one
 * expiring today and one in 10 days; once the deliveries are synced and the batches pulled, the
 * bell counts both and the centre lists them, soonest first. The next day (the phone's clock moved
 * on, offline) the first lot has expired and is listed first, to be written off; tapping it opens
 * the product with its batches, where it is written off (BT15), offline, and the server books it.
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test.setTimeout(120_000);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The shop's calendar date (South Africa, UTC+2 all year) at an instant, as the app judges it. */
function shopDate(at: number): string {
  return new Date(at + 2 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The server's adjustments of a product's batches: lot, what the batch holds now, reason and units. */
function batchAdjustments(product: string) {
  return queryServerDb<{ lot: string; on_hand: number; reason: string; delta: number }>(
    `select b.lot, b.on_hand, l.reason, l.delta from stock_ledger l join stock_batches b on b.id = l.batch_id
       join products p on p.id = l.product_id where p.name = $1 and l.kind = 'adjustment'`,
    [product],
  );
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

  // BT15: written off there, offline: the lot leaves the list, the figure and the bell at once...
  const panel = page.getByTestId('stock-panel');
  await expect(panel.getByTestId('stock-figure')).toHaveAttribute('data-on-hand', '7');
  await panel.getByTestId('batch-write-off').click();
  await panel.screenshot({ path: `${SCREENSHOTS}batch-write-off.png` });
  await panel.getByTestId('batch-write-off-yes').click();
  await expect(panel.getByRole('status')).toHaveText('Wrote off 6 expired units of lot P-TODAY.');
  await expect(page.getByTestId('batch-list')).toHaveCount(0);
  await expect(panel.getByTestId('stock-figure')).toHaveAttribute('data-on-hand', '1');
  await expect(page.getByTestId('alerts-count')).toHaveText('1');

  // ...and the server books it on that batch, reason "expired", once the phone is back online.
  await context.setOffline(false);
  await expectAllSynced(page);
  await expect
    .poll(() => batchAdjustments(panado))
    .toEqual([{ lot: 'P-TODAY', on_hand: 0, reason: 'expired', delta: -6 }]);

  // Adjust stock with a reason, of a batch: two packs of Grandpa's lot were damaged.
  await page.getByRole('button', { name: 'Back to products' }).click();
  await page.getByTestId('product-row').filter({ hasText: grandpa }).getByRole('button').first().click();
  await panel.getByTestId('stock-adjust-start').click();
  await panel.getByTestId('stock-adjust-quantity').fill('2');
  await panel.getByTestId('stock-adjust-reason').selectOption('damaged');
  await expect(panel.getByTestId('stock-adjust-batch')).toHaveValue(/.+/);
  await panel.getByTestId('stock-adjust-note').fill('Box crushed in delivery');
  await panel.getByTestId('stock-adjust-save').click();
  await expect(panel.getByRole('status')).toHaveText('Took 2 units off: Damaged.');
  await expect(panel.getByTestId('stock-figure')).toHaveAttribute('data-on-hand', '11');
  await expectAllSynced(page);
  await expect
    .poll(() => batchAdjustments(grandpa))
    .toEqual([{ lot: 'G-10', on_hand: 10, reason: 'damaged', delta: -2 }]);
});
