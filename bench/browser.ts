/**
 * The till in Chromium for the browser benches (till.ts, initial-sync.ts): Debian's Chromium through
 * playwright-core (no browser is ever downloaded), a shop registered through the screens, the wait for
 * a pull (IndexedDB's rows and the grid), keystrokes timed inside the page, and the figures' summaries.
 *
 * Each page callback is type-checked with the DOM library and holds no named function: tsx would
 * wrap one in a helper the page does not have.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

/** Quiet flags: nothing of Chromium's own (updates, sync, first-run) runs beside the page. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium; each launch has a fresh temporary user-data dir (no cache, no IndexedDB, no worker). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Registers a shop named `shop` through the welcome screens; returns once the till's search box shows. */
export async function registerShop(page: Page, serverUrl: string, shop: string): Promise<void> {
  await page.goto(serverUrl);
  await page.getByTestId('welcome-register').click();
  await page.getByTestId('register-business-name').fill(shop);
  await page.getByTestId('register-owner-name').fill('Bench Owner');
  await page.getByTestId('register-phone').fill(`08${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
  await page.getByTestId('register-pin').fill('2580');
  await page.getByTestId('register-pin-confirm').fill('2580');
  await page.getByTestId('register-submit').click();
  await page.getByTestId('product-search').waitFor();
}

/** One of the page's IndexedDB transactions, timed from its creation to `complete` (or abort), page clock. */
export interface TimedTransaction {
  mode: IDBTransactionMode;
  stores: string[];
  started: number;
  ms: number;
}

declare global {
  interface Window {
    /** Set by `instrumentPull`: every IndexedDB transaction, timed. */
    __benchTransactions?: TimedTransaction[];
    /** Set by `instrumentPull`: whether the last sync answer said the server had no more (`hasMore: false`). */
    __benchPullOver?: boolean;
  }
}

/**
 * An init script (`context.addInitScript(instrumentPull)`), run before the app's scripts: wraps
 * IDBDatabase.transaction to time every transaction into `window.__benchTransactions`, and fetch to
 * note whether the last /api/v1/sync answer ended the pull (its text searched, not parsed: cheap
 * beside the app's own parse).
 */
export function instrumentPull(): void {
  const timed: TimedTransaction[] = [];
  window.__benchTransactions = timed;
  window.__benchPullOver = false;
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const transaction = open.apply(this, args);
    const started = performance.now();
    const { mode } = transaction;
    const stores = [...transaction.objectStoreNames];
    for (const end of ['complete', 'abort']) {
      transaction.addEventListener(end, () => timed.push({ mode, stores, started, ms: performance.now() - started }));
    }
    return transaction;
  };
  const send = window.fetch;
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await send(...args);
    const url = args[0] instanceof Request ? args[0].url : String(args[0]);
    if (new URL(url, location.href).pathname === '/api/v1/sync' && response.ok) {
      void response
        .clone()
        .text()
        .then((text) => (window.__benchPullOver = text.includes('"hasMore":false')));
    }
    return response;
  };
}

/** How many rows each store should hold once the first pull is over; `batches` only where the build has the store. */
export interface ExpectedRows {
  products: number;
  stock?: number;
  batches?: number;
}

export interface SyncedCatalogue {
  /** From the page's navigation start until the stores held the rows and the grid counted every product. */
  pullMs: number;
  /** From the navigation start until the stores held the rows. */
  storedMs: number;
  /** `pullMs` on the wall clock (ms since the epoch), to line up with the network's timings. */
  doneAt: number;
  /** Whether this build has a `batches` store at all. */
  batchesStore: boolean;
}

/**
 * Waits, inside the page (so no DevTools round trip is timed), until IndexedDB holds the rows and
 * the grid says it holds every product ("Showing 60 of 20000": the paragraph after the tiles), and
 * times both from the navigation's start. The grid is looked at every 50 ms. Counting a store reads
 * all of it (IndexedDB keeps no count), which would slow the pull being timed, so the stores are
 * counted at most once a second, and with `instrumentPull` only once the server said it had no more
 * and after a write to them: the stores were full when the last write before the count that found
 * them full ended. A store this build lacks is no wait.
 */
export async function waitForSyncedCatalogue(
  page: Page,
  expected: ExpectedRows,
  timeoutMs = 180_000,
): Promise<SyncedCatalogue> {
  return page.evaluate(
    async ({ expected, timeoutMs }) => {
      const wanted = Object.entries(expected).filter((entry): entry is [string, number] => entry[1] !== undefined);
      const timed = window.__benchTransactions;
      let counts: Record<string, number> = {};
      let storedMs: number | null = null;
      let gridMs: number | null = null;
      let countedAt = -Infinity;
      let writesCounted = -1;
      let batchesStore = false;
      for (;;) {
        const now = performance.now();
        // Writes to the counted stores: a count waits for those begun before it, and those after it wait.
        const writes = (timed ?? []).filter(
          (transaction) =>
            transaction.mode === 'readwrite' && wanted.some(([store]) => transaction.stores.includes(store)),
        );
        // Instrumented: only once the server said it had no more, and something was written since.
        const due = timed === undefined || (window.__benchPullOver === true && writes.length > writesCounted);
        if (storedMs === null && now - countedAt >= 1000 && due) {
          countedAt = now;
          writesCounted = writes.length;
          counts = await new Promise<Record<string, number>>((resolve, reject) => {
            const open = indexedDB.open('opentill');
            open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
            open.onsuccess = () => {
              const database = open.result;
              batchesStore = database.objectStoreNames.contains('batches');
              const present = wanted
                .map(([store]) => store)
                .filter((store) => database.objectStoreNames.contains(store));
              const found: Record<string, number> = {};
              const transaction = database.transaction(present);
              for (const store of present) {
                const count = transaction.objectStore(store).count();
                count.onsuccess = () => (found[store] = count.result);
              }
              transaction.oncomplete = () => {
                database.close();
                resolve(found);
              };
              transaction.onerror = () => reject(transaction.error ?? new Error('counting failed'));
            };
          });
          const stored = wanted.every(([store, rows]) => {
            const held = counts[store];
            return held === undefined ? store === 'batches' : held >= rows;
          });
          if (stored) {
            // Full since the last write the count saw: every write that ended before it did.
            const ends = (timed ?? [])
              .filter(
                (transaction) =>
                  transaction.mode === 'readwrite' && wanted.some(([store]) => transaction.stores.includes(store)),
              )
              .map((transaction) => transaction.started + transaction.ms);
            storedMs = ends.length > 0 ? Math.max(...ends) : performance.now();
          }
        }
        const more = document.querySelector('[data-testid="product-results"] > p:last-child')?.textContent ?? '';
        if (gridMs === null && more.includes(String(expected.products))) gridMs = performance.now();
        if (storedMs !== null && gridMs !== null) {
          const pullMs = Math.max(storedMs, gridMs);
          return { pullMs, storedMs, doneAt: performance.timeOrigin + pullMs, batchesStore };
        }
        if (performance.now() > timeoutMs) {
          throw new Error(`not synced ${Math.round(timeoutMs / 1000)} s after load: ${JSON.stringify(counts)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    { expected, timeoutMs },
  );
}

/** In the page: sets the search box as a keystroke would, and times it to the next paint. */
export async function timeSearch(page: Page, value: string, submit: boolean): Promise<number> {
  return page.evaluate(
    async ({ value, submit }) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="product-search"]');
      if (!input) throw new Error('no search box');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      const started = performance.now();
      setValue?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (submit) input.form?.requestSubmit();
      else {
        // Until the grid shows this query's results (it names the query it rendered), not just the
        // box's new text: a screen that renders results later (a deferred value) is timed to them.
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="product-results"]')?.getAttribute('data-query') !== value) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-query'] });
          if (document.querySelector('[data-testid="product-results"]')?.getAttribute('data-query') === value) {
            observer.disconnect();
            resolve();
          }
        });
      }
      // Until the change is on screen: the next frame, then past its paint.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      performance.measure('bench:keystroke', { start: started }); // named in a BENCH_CHROME_TRACE trace
      return performance.now() - started;
    },
    { value, submit },
  );
}

const QUERIES = ['clover milk', 'lucky star pil', 'tastic rice 2kg', 'koo beans', 'sasko bread 700'];

/** `samples` keystrokes: queries typed a character at a time, each character timed, the box cleared between. */
export async function timeKeystrokes(page: Page, samples: number): Promise<number[]> {
  const keystrokes: number[] = [];
  while (keystrokes.length < samples) {
    for (const query of QUERIES) {
      for (let end = 1; end <= query.length && keystrokes.length < samples; end++) {
        keystrokes.push(await timeSearch(page, query.slice(0, end), false));
      }
      await timeSearch(page, '', false);
    }
  }
  return keystrokes;
}

export interface PageTools {
  browser: Browser;
  page: Page;
  cdp: CDPSession;
}

/**
 * Runs one timed phase, under the DevTools CPU profiler when BENCH_CPU_PROFILE names a directory
 * (<phase>.cpuprofile), or recording a Chrome trace when BENCH_CHROME_TRACE does (<phase>.json; each
 * timed interval is a `bench:<phase>` measure in it). Either can be opened in DevTools' Performance panel.
 */
export async function profiled<T>({ browser, page, cdp }: PageTools, name: string, run: () => Promise<T>): Promise<T> {
  const traceDir = process.env.BENCH_CHROME_TRACE;
  const profileDir = process.env.BENCH_CPU_PROFILE;
  if (traceDir) {
    await browser.startTracing(page, {
      path: join(traceDir, `${name}.json`),
      categories: [
        'devtools.timeline',
        'blink.user_timing',
        'v8.execute',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
  } else if (profileDir) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  try {
    return await run();
  } finally {
    if (traceDir) await browser.stopTracing();
    else if (profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    }
  }
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

export const summary = (values: readonly number[]): string =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (n=${values.length})`;

/** Prints `rows` (label, figure, and a target where there is one) as an aligned table under `title`. */
export function printTable(title: string, rows: readonly (readonly [string, string, string?])[]): void {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  console.log(`\n${title}\n`);
  for (const [label, value, target] of rows) {
    console.log(`  ${label.padEnd(labelWidth)}  ${target ? `${value.padEnd(valueWidth)}  target ${target}` : value}`);
  }
  console.log('');
}
