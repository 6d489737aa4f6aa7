/**
 * Issue 3: "Background Sync where the browser has it". A till closed while offline still
 * delivers its queued sale once the network returns: the service worker, with no window
 * open, pushes the outbox itself (src/sw.ts, src/sync/workerSync.ts).
 *
 * The `sync` event here is the browser's own, not one dispatched through the DevTools
 * protocol: Chromium keeps a one-off registration waiting while the worker is emulated
 * offline (`context.setOffline` reaches service workers too) and fires it when the
 * emulation ends, as it does when a real link comes back.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { pushBodyText, salesOf } from '../support/server.js';
import { addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

/** The sync tags the page's service-worker registration holds (Background Sync is not in the DOM lib). */
async function registeredSyncTags(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (registration as unknown as { sync: { getTags(): Promise<string[]> } }).sync.getTags();
  });
}

/** The acknowledgments in a push's answer (the worker's request body is not visible to Playwright; its answer is). */
interface Acknowledgment {
  lane: string;
  seq: number;
  status: string;
}

/** The acknowledgments in a push's answer (the worker's request body is not visible to Playwright; its answer is). */
async function acknowledgmentsOf(request: Request): Promise<Acknowledgment[]> {
  const answer = (await (await request.response())?.json()) as { acknowledgments?: Acknowledgment[] } | undefined;
  return answer?.acknowledgments ?? [];
}

function isPush(request: Request): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/sync';
}

test('a sale queued offline reaches the server from the service worker after the till was closed', async ({
  page,
  context,
}) => {
  const shop = `Closed Till Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: 'Iwisa Maize Meal 2.5kg', price: '42.99' });
  await expectAllSynced(page);

  await context.setOffline(true);
  // Every push from now on (offline), with who sent it and how many windows were open then.
  const pushes: { request: Request; fromServiceWorker: boolean; windowsOpen: number }[] = [];
  context.on('request', (request) => {
    if (isPush(request)) {
      pushes.push({
        request,
        fromServiceWorker: request.serviceWorker() !== null,
        windowsOpen: context.pages().length,
      });
    }
  });

  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: 'Iwisa Maize Meal 2.5kg' }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('50');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '1');
  // The page skipped its push for lack of network and asked for Background Sync.
  await expect.poll(() => registeredSyncTags(page)).toContain('opentill-outbox');

  // The till is closed; the browser (this context) and the service worker's registration stay.
  await page.close();
  expect(context.pages()).toHaveLength(0);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await salesOf(shop)).toHaveLength(0); // still offline: nothing may have left

  const online = Date.now();
  await context.setOffline(false);
  await expect.poll(async () => (await salesOf(shop)).length, { timeout: 60_000, intervals: [500] }).toBe(1);
  console.log(`the closed till's sale reached the server ${Date.now() - online} ms after the network returned`);

  // Sent by the worker alone, with no window open; nothing the page tried reached the server (it skips while
  // offline; a pull it had begun just before the network went could still try, and fail, so count what arrived).
  const delivered = (
    await Promise.all(pushes.map(async (push) => ((await push.request.response()) ? [push] : [])))
  ).flat();
  expect(delivered.length).toBeGreaterThan(0);
  expect(delivered.filter((push) => !push.fromServiceWorker || push.windowsOpen > 0)).toEqual([]);
  // ...and it was the worker's push that carried the sale: the server acknowledged it once.
  const acknowledgments = await Promise.all(delivered.map((push) => acknowledgmentsOf(push.request)));
  expect(acknowledgments.flat()).toEqual([expect.objectContaining({ lane: 'high', seq: 1, status: 'created' })]);
  const rows = await salesOf(shop);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ total_amount: 4299, tendered: 5000, change: 701, payment_method: 'cash' });

  // The worker also applied the answer to IndexedDB: the reopened till's start-up push (which
  // would carry anything still queued) does not send the sale again.
  const reopened = await context.newPage();
  const startUpPush = reopened.waitForResponse((response) => isPush(response.request()));
  await reopened.goto('/');
  const startUp = await startUpPush;
  expect(startUp.ok()).toBe(true);
  expect(pushBodyText(startUp.request())).not.toContain('CREATE_SALE');
  await expectAllSynced(reopened);
  expect(await salesOf(shop)).toHaveLength(1);
});
