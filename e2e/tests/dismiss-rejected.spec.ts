/**
 * ARCHITECTURE "Sync" 2: a permanent rejection is shown to the user; dismissing it
 * (after a plain confirmation) takes it out of this phone's queue, so it no longer
 * blocks sign-out. The server's refusal is simulated by rewriting its answer.
 */
import { expect, test } from '@playwright/test';
import { addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test('a rejected sale can be dismissed, after which sign-out is no longer refused', async ({ page, context }) => {
  await registerShop(page, `Dismiss Spaza ${Date.now()}`);
  await waitForServiceWorker(page);
  await addProduct(page, { name: 'White Bread 700g', price: '18.99' });
  await expectAllSynced(page);

  // From now on the server "refuses" every sale it is sent (the sales lane is 'high').
  await context.route('**/api/v1/sync', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { acknowledgments: Record<string, unknown>[] };
    body.acknowledgments = body.acknowledgments.map((ack) => {
      if (ack.lane !== 'high') return ack;
      const { serverId: _serverId, ...rest } = ack;
      return {
        ...rest,
        status: 'rejected',
        error: { code: 'OT_ERR_SALE_INVALID', message: 'The total does not add up.' },
      };
    });
    await route.fulfill({ response, json: body });
  });

  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: 'White Bread 700g' }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('20');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();

  await page.getByTestId('nav-sync').click();
  const item = page.getByTestId('sync-rejected-item');
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await expect(item).toContainText('The total does not add up.');

  // Refused while the rejection is listed.
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-out-refused')).toBeVisible();

  await item.getByTestId('sync-rejected-dismiss').click();
  await expect(item).toContainText('The server refused this');
  await expect(item).toContainText('marked as refused by the server');
  await item.getByTestId('sync-rejected-dismiss-confirm').click();
  await expect(page.getByTestId('sync-rejected')).toHaveCount(0);

  await expect(page.getByTestId('sign-out-refused')).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-out-confirm')).toBeVisible();
});
