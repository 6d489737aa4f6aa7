/**
 * Issue 4: "A revoked device pushes what it still holds, then wipes local data" (SPEC ID10).
 * The owner removes a second phone on the Devices screen while it holds an offline sale and a
 * price change; back online, the sale reaches the shop (kept, flagged), the price change is rejected, and the
 * phone forgets the shop and says why on its welcome screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { localRowCounts, storedDevice } from '../support/device.js';
import { queryServerDb } from '../support/server.js';
import {
  SCREENSHOTS,
  addProduct,
  editPrice,
  expectAllSynced,
  registerShop,
  signIn,
  waitForServiceWorker,
} from '../support/shop.js';

const MILK = 'Clover Full Cream Milk 1L';

/** The owner opens Staff → Devices, checks this phone has no Remove, and removes the till there. */
async function removeOnDevicesScreen(owner: Page, ownId: string, tillId: string): Promise<void> {
  await owner.getByTestId('nav-staff').click();
  await owner.getByTestId('staff-section-devices').click();
  const own = owner.locator(`[data-testid="device-row"][data-device-id="${ownId}"]`);
  const tillRow = owner.locator(`[data-testid="device-row"][data-device-id="${tillId}"]`);
  await expect(own).toContainText('This phone');
  await expect(own).toContainText('sign out');
  await expect(own.getByTestId('device-remove')).toHaveCount(0);
  await expect(tillRow).toContainText('Unnamed phone');
  await expect(tillRow).toContainText('Signed in by Nomsa Dlamini');

  await tillRow.getByTestId('device-remove').click();
  await expect(tillRow.getByTestId('device-remove-confirm')).toContainText('sends the sales it still holds');
  await owner.screenshot({ path: `${SCREENSHOTS}devices-screen.png` });
  await tillRow.getByTestId('device-remove-yes').click();
  await expect(owner.getByTestId('devices-message')).toContainText('is removed');
  await expect(tillRow).toHaveAttribute('data-status', 'removed');
  await expect(tillRow).toContainText('Removed');
  await expect(tillRow.getByTestId('device-remove')).toHaveCount(0);
}

test('a removed phone delivers its offline sale, then wipes itself and says the owner removed it', async ({
  browser,
}) => {
  const shop = `Removed Phone Spaza ${Date.now()}`;
  const ownerContext = await browser.newContext();
  const tillContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const till = await tillContext.newPage();

  const phone = await registerShop(owner, shop);
  await addProduct(owner, { name: MILK, price: '21.99' });
  await expectAllSynced(owner);
  await signIn(till, phone);
  await waitForServiceWorker(till);
  await expect(till.getByTestId('product-tile').filter({ hasText: MILK })).toBeVisible();
  const { deviceId: tillId } = await storedDevice(till);

  // Offline, the till sells and changes a price.
  await tillContext.setOffline(true);
  await till.getByTestId('product-tile').filter({ hasText: MILK }).click();
  await till.getByTestId('pay-button').click();
  await till.getByTestId('tendered-input').fill('30');
  await till.getByTestId('confirm-payment').click();
  await expect(till.getByTestId('sale-done')).toBeVisible();
  await editPrice(till, MILK, '25.00');
  await expect(till.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '2');

  // The owner removes the till from the shop meanwhile, on the Devices screen.
  const { deviceId: ownerId } = await storedDevice(owner);
  await removeOnDevicesScreen(owner, ownerId, tillId);

  await tillContext.setOffline(false);
  const notice = till.getByTestId('device-removed-notice');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(`The owner removed this phone from ${shop}`);
  await expect(notice).toContainText('Every sale on it reached the shop first');
  await expect(till.getByTestId('welcome-sign-in')).toBeVisible();
  await till.screenshot({ path: `${SCREENSHOTS}device-removed-welcome.png` });

  // The sale reached the shop, kept and flagged for the owner; the price change did not count.
  const stored = await queryServerDb<{ id: string }>('select id from sales where device_id = $1', [tillId]);
  expect(stored).toHaveLength(1);
  const alerts = await queryServerDb<{ reason: string; sale_id: string }>(
    `select details->>'reason' as reason, details->>'saleId' as sale_id
       from integrity_alerts where device_id = $1`,
    [tillId],
  );
  expect(alerts).toEqual([{ reason: 'device-revoked', sale_id: stored[0]?.id }]);
  const prices = await queryServerDb<{ price: number }>(
    'select p.price from products p join tenants t on t.id = p.tenant_id where p.name = $1 and t.business_name = $2',
    [MILK, shop],
  );
  expect(prices).toEqual([{ price: 2199 }]);

  // Nothing of the shop is left on the till: only the notice, which a reload still shows.
  const counts = await localRowCounts(till);
  expect(counts).toMatchObject({ sales: 0, outbox: 0, products: 0, session: 0, conflicts: 0 });
  await till.reload();
  await expect(till.getByTestId('device-removed-notice')).toBeVisible();
  expect((await localRowCounts(till)).sales).toBe(0);

  // The owner's own phone keeps working.
  await expect(owner.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '0');
  // Offline, the Devices screen says it needs the internet and keeps the list it had.
  await ownerContext.setOffline(true);
  await expect(owner.getByTestId('devices-offline')).toBeVisible();
  await expect(owner.getByTestId('devices-list')).toBeVisible();
  await ownerContext.close();
  await tillContext.close();
});
