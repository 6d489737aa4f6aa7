/**
 * Branches (SPEC BR) in the browser: the owner adds a branch and renames it (a name taken is refused, BR1);
 * a second till of the shop is refused a move while a sale waits on it (it belongs to the branch it was rung
 * up at), then moves itself from Staff → Branches and shows the new branch's stock (none), not Main's (BR3).
 */
import { expect, test, type Page } from '@playwright/test';
import { storedDevice } from '../support/device.js';
import { queryServerDb } from '../support/server.js';
import {
  SCREENSHOTS,
  addProduct,
  expectAllSynced,
  registerShop,
  signIn,
  waitForServiceWorker,
} from '../support/shop.js';

test.setTimeout(120_000);

async function openBranches(page: Page): Promise<void> {
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-section-branches').click();
  await expect(page.getByTestId('branches-list')).toBeVisible();
}

const branchRow = (page: Page, name: string) => page.getByTestId('branch-row').filter({ hasText: name });

async function productOnHand(page: Page, name: string) {
  await page.getByTestId('nav-products').click();
  return page.getByTestId('product-row').filter({ hasText: name }).getByTestId('stock-figure');
}

/** Where the server holds the product's stock: branch name → on hand. */
async function levelsOf(product: string) {
  return queryServerDb<{ branch: string; on_hand: number }>(
    `select b.name as branch, l.on_hand from stock_levels l join products p on p.id = l.product_id
       join branches b on b.id = l.branch_id where p.name = $1`,
    [product],
  );
}

async function branchOfDevice(deviceId: string): Promise<string | undefined> {
  const rows = await queryServerDb<{ name: string }>(
    'select b.name from devices d join branches b on b.id = d.branch_id where d.id = $1',
    [deviceId],
  );
  return rows[0]?.name;
}

test('the owner adds and renames a branch; a till moves there and sells that branch’s stock', async ({ browser }) => {
  const owner = await browser.newContext();
  const till = await browser.newContext();
  const office = await owner.newPage();
  const counter = await till.newPage();
  const product = `Albany Bread ${Date.now()}`;

  const phone = await registerShop(office, `Branch Spaza ${Date.now()}`);
  await waitForServiceWorker(office);
  await addProduct(office, { name: product, price: '18.99', stock: { opening: '5', policy: 'flag' } });
  await expectAllSynced(office);

  // BR1, BR4: the owner's phone stands in Main; Rosebank is added, a second "rosebank" refused, then renamed.
  await openBranches(office);
  await expect(branchRow(office, 'Main')).toContainText('This till');
  await office.getByTestId('branch-add-name').fill('Rosebank');
  await office.getByTestId('branch-add-submit').click();
  await expect(office.getByTestId('branches-message')).toHaveText(/^Rosebank added\./);
  await expect(branchRow(office, 'Rosebank')).toBeVisible();
  await office.getByTestId('branch-add-name').fill('  ROSEBANK ');
  await office.getByTestId('branch-add-submit').click();
  await expect(office.getByText('The shop already has a branch with that name.')).toBeVisible();
  await branchRow(office, 'Rosebank').getByTestId('branch-rename').click();
  await office.getByTestId('branch-rename-name').fill('Rosebank Mall');
  await office.getByTestId('branch-rename-submit').click();
  await expect(office.getByTestId('branches-message')).toHaveText('Renamed to Rosebank Mall.');
  await expect(office.getByTestId('branch-name')).toHaveText(['Main', 'Rosebank Mall']);

  // A second till of the shop, at Main: it shows Main's 5, and sells one while its pushes do not get through.
  await signIn(counter, phone);
  await expect(await productOnHand(counter, product)).toHaveAttribute('data-on-hand', '5');
  const blocked = '**/api/v1/sync';
  await till.route(blocked, (route) => route.abort('internetdisconnected').catch(() => undefined));
  await counter.getByTestId('nav-sell').click();
  await counter.getByTestId('product-tile').filter({ hasText: product }).click();
  await counter.getByTestId('pay-button').click();
  await counter.getByTestId('tendered-input').fill('20');
  await counter.getByTestId('confirm-payment').click();
  await expect(counter.getByTestId('sale-done')).toBeVisible();
  await counter.getByTestId('new-sale').click();

  // BR3: refused while the sale waits, which belongs to Main; nothing changes on the server.
  const { deviceId } = await storedDevice(counter);
  await openBranches(counter);
  await branchRow(counter, 'Rosebank Mall').getByTestId('branch-move').click();
  await expect(counter.getByTestId('branch-move-confirm')).toContainText('this till sells Rosebank Mall’s stock');
  await counter.screenshot({ path: `${SCREENSHOTS}branches-move.png`, fullPage: true });
  await counter.getByTestId('branch-move-yes').click();
  await expect(counter.getByTestId('branches-message')).toContainText(
    'Not moved: this phone still has one sale or change to send',
  );
  expect(await branchOfDevice(deviceId)).toBe('Main');

  // Once the sale is in (at Main), the move goes through.
  await till.unroute(blocked);
  await counter.getByTestId('nav-sync').click();
  await counter.getByTestId('sync-now').click();
  await expectAllSynced(counter);
  await openBranches(counter);
  await branchRow(counter, 'Rosebank Mall').getByTestId('branch-move').click();
  await counter.getByTestId('branch-move-yes').click();
  await expect(counter.getByTestId('branches-message')).toHaveText('This till now sells at Rosebank Mall.');
  await expect(branchRow(counter, 'Rosebank Mall')).toHaveAttribute('data-this-till', 'true');
  await expect(branchRow(counter, 'Main')).toHaveAttribute('data-this-till', 'false');
  await counter.screenshot({ path: `${SCREENSHOTS}branches.png`, fullPage: true });
  expect(await branchOfDevice(deviceId)).toBe('Rosebank Mall');
  expect(await levelsOf(product)).toEqual([{ branch: 'Main', on_hand: 4 }]);

  // After its sync the till shows Rosebank Mall's stock (none yet), not Main's 4; the owner's phone still Main's.
  await expect(await productOnHand(counter, product)).toHaveAttribute('data-on-hand', '0');
  await expect(await productOnHand(office, product)).toHaveAttribute('data-on-hand', '4', { timeout: 35_000 });

  await owner.close();
  await till.close();
});
