/**
 * Issue 4: the owner reads the shop's audit log (Staff → Audit log) and the role table
 * (Staff → Roles) on a 360 px phone. Registering, a second phone's sign-in and adding a
 * cashier show up newest first in plain words; the filters narrow them; offline the
 * list stays and says why it cannot load more.
 */
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS, registerShop, signIn } from '../support/shop.js';

/** A local calendar day as a date input takes it, `days` from today. */
function day(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function addCashier(page: Page, name: string): Promise<void> {
  await page.getByTestId('staff-section-people').click();
  await page.getByTestId('staff-name').fill(name);
  await page.getByTestId('staff-pin').fill('1111');
  await page.getByTestId('staff-submit').click();
  await expect(page.getByTestId('staff-list')).toContainText(name);
}

test('the owner reads the audit log, filters it, and opens the role table', async ({ browser }) => {
  const shop = `Audit Log Spaza ${Date.now()}`;
  const ownerContext = await browser.newContext();
  const tillContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const till = await tillContext.newPage();

  const phone = await registerShop(owner, shop);
  await signIn(till, phone);
  await owner.getByTestId('nav-staff').click();
  await addCashier(owner, 'Thandi Nkosi');

  // Newest first, in plain words, with who did it and on which phone.
  await owner.getByTestId('staff-section-audit').click();
  const entries = owner.getByTestId('audit-entry');
  await expect(entries).toHaveCount(5);
  const actions = await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
  expect(actions).toEqual([
    'user.created',
    'auth.sign_in',
    'device.registered',
    'device.registered',
    'shop.registered',
  ]);
  await expect(entries.nth(0)).toContainText('Added Thandi Nkosi as Cashier');
  await expect(entries.nth(0)).toContainText('This phone');
  await expect(entries.nth(1)).toContainText('Signed in on a new phone');
  await expect(entries.nth(1)).toContainText('Nomsa Dlamini');
  await expect(entries.nth(1)).not.toContainText('This phone');
  await expect(entries.nth(4)).toContainText(`Registered the shop “${shop}”`);
  await expect(entries.nth(4)).toContainText('IP 127.0.0.1');
  await expect(owner.getByTestId('audit-load-older')).toHaveCount(0);
  await owner.screenshot({ path: `${SCREENSHOTS}audit-log.png` });

  // What: sign-ins only, then devices only.
  const area = owner.getByTestId('audit-filter-area');
  await area.selectOption('auth');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute('data-action', 'auth.sign_in');
  await area.selectOption('device');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toHaveAttribute('data-action', 'device.registered');

  // Who: the cashier has done nothing yet; the owner did it all.
  await area.selectOption('');
  const person = owner.getByTestId('audit-filter-person');
  await person.selectOption({ label: 'Thandi Nkosi' });
  await expect(owner.getByTestId('audit-empty')).toBeVisible();
  await person.selectOption({ label: 'Nomsa Dlamini' });
  await expect(entries).toHaveCount(5);

  // When: from tomorrow nothing; today all of it; a range ending before it starts is caught here.
  await owner.getByTestId('audit-filter-from').fill(day(1));
  await expect(owner.getByTestId('audit-empty')).toBeVisible();
  await owner.getByTestId('audit-filter-from').fill(day(0));
  await owner.getByTestId('audit-filter-to').fill(day(0));
  await expect(entries).toHaveCount(5);
  await owner.getByTestId('audit-filter-to').fill(day(-1));
  await expect(owner.getByTestId('audit-filter-backwards')).toBeVisible();
  await owner.getByTestId('audit-filter-clear').click();
  await expect(entries).toHaveCount(5);

  // Offline, what was loaded stays, with the reason nothing new can load.
  await ownerContext.setOffline(true);
  await expect(owner.getByTestId('audit-offline')).toBeVisible();
  await expect(entries).toHaveCount(5);
  await ownerContext.setOffline(false);
  await expect(owner.getByTestId('audit-offline')).toHaveCount(0);

  // The role table: every role a column, the action names stay in view while it scrolls sideways.
  await owner.getByTestId('staff-section-roles').click();
  const table = owner.getByTestId('role-table');
  await expect(owner.getByTestId('role-column-CASHIER')).toContainText('Own branches');
  await expect(owner.getByTestId('role-column-AUDITOR')).toContainText('Every branch');
  const refund = owner.locator('[data-testid="role-row"][data-action="sales:refund"]');
  await expect(refund).toContainText('Refund or return items of a sale');
  await expect(refund.locator('td').nth(0)).toHaveAttribute('data-allowed', 'true');
  await expect(refund.locator('td').nth(5)).toHaveAttribute('data-allowed', 'false');
  expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  // The table scrolls inside its box; the page itself never gets wider than the phone.
  expect(await owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const name = refund.locator('th');
  await name.scrollIntoViewIfNeeded();
  await table.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
  const auditorMark = refund.locator('td').nth(7);
  await expect(auditorMark).toBeInViewport();
  await expect(name).toBeInViewport();
  const box = await name.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect(box?.x ?? 999).toBeLessThan(40);
  await owner.screenshot({ path: `${SCREENSHOTS}role-table.png` });

  await ownerContext.close();
  await tillContext.close();
});
