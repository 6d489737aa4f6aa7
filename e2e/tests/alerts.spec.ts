/**
 * Issue 4 "Abuse" (SPEC AU7): a phone joining the shop raises an alert for the owner. The
 * banner under the header says so, Review opens Staff → Alerts, and "Mark all as seen"
 * puts the banner away until something new happens.
 */
import { expect, test } from '@playwright/test';
import { SCREENSHOTS, registerShop, signIn } from '../support/shop.js';

test('a new phone signing in reaches the owner as an alert, until marked as seen', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const tillContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const till = await tillContext.newPage();

  const phone = await registerShop(owner, `Alerts Spaza ${Date.now()}`);
  // The owner's own registration is not an alert.
  await expect(owner.getByTestId('alerts-banner')).toHaveCount(0);
  await signIn(till, phone);

  await owner.reload();
  const banner = owner.getByTestId('alerts-banner');
  await expect(banner).toContainText('1 thing needs a look');
  await owner.screenshot({ path: `${SCREENSHOTS}alerts-banner.png` });
  await owner.getByTestId('alerts-review').click();

  const section = owner.getByTestId('alerts-section');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('audit-entry')).toHaveCount(1);
  await expect(section.getByTestId('audit-entry')).toContainText('Signed in on a new phone');
  await expect(section).toContainText('No flagged sales.');
  await owner.getByTestId('alerts-mark-seen').click();
  await expect(banner).toHaveCount(0);
  await expect(owner.getByTestId('alerts-mark-seen')).toHaveCount(0);

  // Seen stays seen after a reload.
  await owner.reload();
  await expect(owner.getByTestId('product-search')).toBeVisible();
  await expect(owner.getByTestId('alerts-banner')).toHaveCount(0);
  await ownerContext.close();
  await tillContext.close();
});
