/**
 * Issue 7, Must show 3 (second part) in Chromium: the owner receives two lots of a medicine with their
 * expiry dates, sells one from a lot she picks (BT5), then two and the earliest expiry goes first (SPEC BT3); then sends stock to a second
 * branch, whose till counts one unit short and receives the other into the same lot (TR1, TR2); the sending
 * branch puts the missing unit back on its shelf (TR5); the server's figures follow, and the product's page shows
 * every branch's stock (BT14).
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import {
  SCREENSHOTS,
  addProduct,
  expectAllSynced,
  registerShop,
  signIn,
  waitForServiceWorker,
} from '../support/shop.js';

test.setTimeout(150_000);

/** A date `days` from today in the shop's calendar (South African time, UTC+2). */
const inDays = (days: number) => new Date(Date.now() + 2 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function openProduct(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-products').click();
  await page.getByTestId('product-row').filter({ hasText: name }).getByRole('button').first().click();
  await expect(page.getByTestId('stock-panel')).toBeVisible();
}

async function receiveLot(page: Page, quantity: string, lot: string, expiresOn: string): Promise<void> {
  await page.getByTestId('stock-receive').click();
  await page.getByTestId('stock-receive-quantity').fill(quantity);
  await page.getByTestId('stock-receive-lot').fill(lot);
  await page.getByTestId('stock-receive-expiry').fill(expiresOn);
  await page.getByTestId('stock-receive-save').click();
  await expect(page.getByTestId('stock-receive-save')).toHaveCount(0);
}

/** Rings up `units` more of the product on the sale screen (0: the cart as it is) and takes cash. */
async function sell(page: Page, name: string, units: number): Promise<void> {
  await page.getByTestId('nav-sell').click();
  for (let i = 0; i < units; i++) await page.getByTestId('product-tile').filter({ hasText: name }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('200');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await page.getByTestId('new-sale').click();
}

/** Waits until the server's batches of the product are `lots`: branch, lot and units, by branch then lot. */
async function expectServerLots(product: string, lots: { branch: string; lot: string; on_hand: number }[]) {
  await expect
    .poll(() =>
      queryServerDb<{ branch: string; lot: string; on_hand: number }>(
        `select b.name as branch, s.lot, s.on_hand from stock_batches s join products p on p.id = s.product_id
           join branches b on b.id = s.branch_id where p.name = $1 order by b.name, s.lot`,
        [product],
      ),
    )
    .toEqual(lots);
}

test('a batch received with its expiry sells first-expiry-first-out, and stock moves to another branch', async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const other = await browser.newContext();
  const office = await owner.newPage();
  const rosebank = await other.newPage();
  const medicine = `Panado 24s ${Date.now()}`;

  const phone = await registerShop(office, `Pharmacy ${Date.now()}`);
  await waitForServiceWorker(office);
  await addProduct(office, { name: medicine, price: '45.00', stock: { opening: '', policy: 'flag' } });

  // Two lots: LATE expires in 60 days, SOON in 10; the list shows the earliest expiry first.
  await openProduct(office, medicine);
  await receiveLot(office, '3', 'LATE-60', inDays(60));
  await receiveLot(office, '2', 'SOON-10', inDays(10));
  await expectAllSynced(office);
  const lots = office.getByTestId('batch-row');
  await expect(lots).toHaveCount(2, { timeout: 30_000 });
  await expect(lots.nth(0)).toContainText('SOON-10');
  await expect(lots.nth(1)).toContainText('LATE-60');

  // BT5: the pharmacist sells the pack in hand, of LATE, picking its lot on the line; the server takes it from LATE.
  await office.getByTestId('nav-sell').click();
  await office.getByTestId('product-tile').filter({ hasText: medicine }).click();
  await office.getByTestId('cart-line').filter({ hasText: medicine }).getByTestId('cart-line-edit').click();
  const batchPick = office.getByTestId('line-batch');
  await expect(batchPick.locator('option')).toHaveText([
    /^First expiry first/,
    /^SOON-10 ·/,
    /^LATE-60 · .* · 3 units$/,
  ]);
  await batchPick.selectOption((await batchPick.locator('option', { hasText: 'LATE-60' }).getAttribute('value')) ?? '');
  await office.getByTestId('line-save').click();
  await sell(office, medicine, 0);
  await expectAllSynced(office);
  await expectServerLots(medicine, [
    { branch: 'Main', lot: 'LATE-60', on_hand: 2 },
    { branch: 'Main', lot: 'SOON-10', on_hand: 2 },
  ]);

  // Two more sold, first expiry first: both of SOON's.
  await sell(office, medicine, 2);
  await expectAllSynced(office);
  await expectServerLots(medicine, [
    { branch: 'Main', lot: 'LATE-60', on_hand: 2 },
    { branch: 'Main', lot: 'SOON-10', on_hand: 0 },
  ]);
  await openProduct(office, medicine);
  await expect(lots).toHaveCount(1, { timeout: 30_000 });
  await expect(lots.first()).toContainText('LATE-60');
  await expect(lots.first()).toContainText('2');

  // A second branch, and a till that stands in it.
  await office.getByTestId('nav-staff').click();
  await office.getByTestId('staff-section-branches').click();
  await office.getByTestId('branch-add-name').fill('Rosebank');
  await office.getByTestId('branch-add-submit').click();
  await expect(office.getByTestId('branch-row').filter({ hasText: 'Rosebank' })).toBeVisible();
  await signIn(rosebank, phone);
  await rosebank.getByTestId('nav-staff').click();
  await rosebank.getByTestId('staff-section-branches').click();
  await rosebank.getByTestId('branch-row').filter({ hasText: 'Rosebank' }).getByTestId('branch-move').click();
  await rosebank.getByTestId('branch-move-yes').click();
  await expect(rosebank.getByTestId('branches-message')).toHaveText('This till now sells at Rosebank.');

  // Main sends 2 units to Rosebank: they leave LATE-60 at once.
  await office.getByTestId('nav-products').click();
  await office.getByTestId('transfer-start').click();
  await office.getByTestId('transfer-to').selectOption({ label: 'Rosebank' });
  await office.getByTestId('transfer-product-search').fill('Panado');
  await office.getByTestId('transfer-product-match').filter({ hasText: medicine }).click();
  await office.getByTestId('transfer-quantity').fill('2');
  await office.getByTestId('transfer-add-line').click();
  await office.getByTestId('transfer-send').click();
  await expect(office.getByTestId('transfers-notice')).toHaveText('Sent 2 units to Rosebank.');
  await expectAllSynced(office);
  await expectServerLots(medicine, [
    { branch: 'Main', lot: 'LATE-60', on_hand: 0 },
    { branch: 'Main', lot: 'SOON-10', on_hand: 0 },
  ]);

  // Rosebank's till sees it on its way and counts one unit: the lot arrives with its expiry, one unit short.
  await rosebank.getByTestId('nav-products').click();
  const incoming = rosebank.getByTestId('incoming-transfer');
  await expect(incoming).toContainText(medicine);
  await expect(incoming).toContainText('LATE-60');
  await rosebank.screenshot({ path: `${SCREENSHOTS}transfer-incoming.png`, fullPage: true });
  await incoming.getByTestId('incoming-transfer-count').fill('1');
  await rosebank.getByTestId('incoming-transfer-receive').click();
  await expect(rosebank.getByTestId('transfers-notice')).toHaveText('Received the transfer from Main.');
  await expectAllSynced(rosebank);
  await expectServerLots(medicine, [
    { branch: 'Main', lot: 'LATE-60', on_hand: 0 },
    { branch: 'Main', lot: 'SOON-10', on_hand: 0 },
    { branch: 'Rosebank', lot: 'LATE-60', on_hand: 1 },
  ]);
  await expect(
    rosebank.getByTestId('product-row').filter({ hasText: medicine }).getByTestId('stock-figure'),
  ).toHaveAttribute('data-on-hand', '1', { timeout: 30_000 });
  await expect(rosebank.getByTestId('transfer-row').first()).toContainText('Received, some missing');

  // TR5: at Main, the owner finds the missing unit at the back and puts it back on the shelf, into the lot it left.
  await office.getByTestId('nav-sell').click();
  await office.getByTestId('nav-products').click();
  const sent = office.getByTestId('transfer-row').first();
  await expect(sent.getByTestId('transfer-missing')).toContainText('1 unit did not arrive.');
  await sent.getByTestId('transfer-returned').click();
  await expect(office.getByTestId('transfers-notice')).toHaveText('1 unit is back in this branch’s stock.');
  await expectAllSynced(office);
  await expectServerLots(medicine, [
    { branch: 'Main', lot: 'LATE-60', on_hand: 1 },
    { branch: 'Main', lot: 'SOON-10', on_hand: 0 },
    { branch: 'Rosebank', lot: 'LATE-60', on_hand: 1 },
  ]);
  await expect(
    queryServerDb<{ resolution: string }>(
      `select t.resolution from transfers t join branches b on b.id = t.from_branch_id where b.name = 'Main'
         and t.tenant_id = (select tenant_id from products where name = $1)`,
      [medicine],
    ),
  ).resolves.toEqual([{ resolution: 'returned' }]);

  // BT14: the product's page on the owner's till shows every branch's stock, with Rosebank's lot.
  await openProduct(office, medicine);
  const byBranch = office.getByTestId('branch-stock-row');
  await expect(byBranch).toHaveCount(2);
  await expect(byBranch.nth(0)).toContainText('Mainthis till');
  await expect(byBranch.nth(0).getByTestId('branch-stock-on-hand')).toHaveText('1 unit');
  await expect(byBranch.nth(1).getByTestId('branch-stock-on-hand')).toHaveText('1 unit');
  await expect(byBranch.nth(1).getByTestId('batch-row')).toContainText('LATE-60');
  await office.getByTestId('branch-stock').screenshot({ path: `${SCREENSHOTS}stock-by-branch.png` });

  await owner.close();
  await other.close();
});
