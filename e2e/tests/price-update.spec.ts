/**
 * Issue 7, "Must show" 3 (first part): a price changed on the owner's phone shows on
 * another phone's sale screen without a reload, and the test prints how long after the
 * server's commit (the issue asks for a second; measured 250–850 ms here). It prints, never
 * asserts, the time: the machines are shared and noisy (CI's rule for timings). A phone
 * offline meanwhile does not get the price, and picks it up when the link comes back.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { pushBodyText } from '../support/server.js';
import { addProduct, editPrice, expectAllSynced, registerShop, signIn } from '../support/shop.js';

/** How long the offline phone is watched for a price it must not get. */
const OFFLINE_WAIT_MS = 2_000;

/** When the owner's push of this product at `cents` left for the server and when its answer came back. */
interface PushTimes {
  sent: number;
  answered: number;
}

/**
 * Times the owner's push that carries the edit of this product to `cents`, on this machine's clock
 * (the pages' Date.now() is the same clock). The body is read in a route: a gzipped Blob body is not
 * in the request a `response` event reports. The server pokes after its commit and before it
 * answers, so the commit lies between `sent` and `answered`.
 */
async function timePushOfPrice(page: Page, cents: number): Promise<{ times: Promise<PushTimes> }> {
  let done: (times: PushTimes) => void = () => undefined;
  const times = new Promise<PushTimes>((resolve) => (done = resolve));
  await page.route('**/api/v1/sync', async (route) => {
    const body = pushBodyText(route.request());
    if (!body.includes('UPSERT_PRODUCT') || !body.includes(`"price":${cents}`)) return route.fallback();
    const sent = Date.now();
    const response = await route.fetch();
    const answered = Date.now();
    await route.fulfill({ response });
    done({ sent, answered });
  });
  // Wrapped: an async function returning the promise itself would wait for the push here.
  return { times: times.finally(() => page.unroute('**/api/v1/sync')) };
}

/**
 * Watches the tile of `name` on `page` for `price` (e.g. "34,99") and keeps the page's Date.now()
 * of the first DOM mutation that shows it, before any change is made: the moment React wrote it,
 * not the moment Playwright's polling noticed. Same machine, same clock as timePushOfPrice.
 */
async function watchTileFor(page: Page, name: string, price: string): Promise<void> {
  await page.evaluate(
    ([productName, text]) => {
      const w = window as unknown as { priceShownAt?: number };
      delete w.priceShownAt;
      const shows = () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="product-tile"]')].some(
          (tile) => tile.dataset.productName === productName && (tile.textContent ?? '').includes(text),
        );
      const observer = new MutationObserver(() => {
        if (!shows()) return;
        w.priceShownAt = Date.now();
        observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [name, price] as const,
  );
}

async function priceShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { priceShownAt?: number }).priceShownAt, null, {
    timeout: 10_000,
  });
  return (await handle.jsonValue()) as number;
}

test('a price change shows on another phone’s sale screen without a reload (time printed), and offline only after reconnecting', async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const till = await browser.newContext();
  const office = await owner.newPage();
  const counter = await till.newPage();
  const name = `Koo Baked Beans ${Date.now()}`;

  const phone = await registerShop(office, `Price Spaza ${Date.now()}`);
  await addProduct(office, { name, price: '18.99' });
  await expectAllSynced(office);
  // The till listens for pokes once its stream is open: wait for that, as a till left on the sale screen would.
  const listening = counter.waitForResponse((response) => response.url().endsWith('/api/v1/sync/events'));
  await signIn(counter, phone);
  await listening;
  const tile = counter.getByTestId('product-tile').filter({ hasText: name });
  await expect(tile).toContainText('18,99');

  // Online: the till shows the new price within a second of the commit.
  await watchTileFor(counter, name, '21,99');
  const pulls: Request[] = [];
  const onRequestFinished = (request: Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/sync')) pulls.push(request);
  };
  counter.on('requestfinished', onRequestFinished);
  const pushed = await timePushOfPrice(office, 2199);
  await editPrice(office, name, '21.99');
  const push = await pushed.times;
  const shown = await priceShownAt(counter);
  counter.off('requestfinished', onRequestFinished);
  console.log(
    `price on the other phone ${shown - push.answered} ms after the server answered the push, ` +
      `${shown - push.sent} ms after the push left (the commit lies in between)`,
  );
  // Where the time went, when it goes wrong: the poke's random delay ends where the till's pull starts.
  for (const pull of pulls) {
    const timing = pull.timing();
    console.log(
      `  the till's pull left ${Math.round(timing.startTime - push.answered)} ms after the answer, ` +
        `was answered ${Math.round(timing.responseEnd)} ms later; the tile changed ` +
        `${Math.round(shown - timing.startTime - timing.responseEnd)} ms after that`,
    );
  }
  await expect(tile).toContainText('21,99');

  // Offline: the till keeps the old price however long it waits (a poke cannot reach it)...
  await till.setOffline(true);
  await expect(counter.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await watchTileFor(counter, name, '23,49');
  const pushedOffline = await timePushOfPrice(office, 2349);
  await editPrice(office, name, '23.49');
  await pushedOffline.times;
  await expectAllSynced(office);
  await counter.waitForTimeout(OFFLINE_WAIT_MS);
  await expect(tile).toContainText('21,99');

  // ...and picks it up once the link is back, with no reload (the `online` event syncs at once).
  const reconnected = Date.now();
  await till.setOffline(false);
  const caughtUp = (await priceShownAt(counter)) - reconnected;
  console.log(`offline phone caught up ${caughtUp} ms after reconnecting`);
  await expect(tile).toContainText('23,49');

  await owner.close();
  await till.close();
});
