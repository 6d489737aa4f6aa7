/**
 * `npm run bench:initial-sync`: a fresh device's first pull of a pharmacy-sized shop (issue 7,
 * "Must show 4"). 20,000 tracked products, a stock figure for each at the device's branch and
 * two batches for every other product are seeded straight into PostgreSQL; a phone registered
 * before the seeding (so it holds nothing of them) reloads, and the bench times, inside the page,
 * from the navigation's start until IndexedDB holds every product, figure and batch and the grid
 * counts the whole catalogue (target < 5 s, unthrottled). Then search over it, keystroke to
 * results painted, p50/p95 with 4× CPU throttling.
 *
 * Where the pull's time goes, from outside the app: each /api/v1/sync exchange's server time
 * (request sent to first byte) and download (first byte to last), the page's time between
 * exchanges (parse, validation, the Dexie transaction, the next request), the transactions that
 * apply pages and the screens' reads meanwhile (an init script times each from creation to
 * `complete`), and what follows the last answer (the catalogue read, the search index, the grid).
 *
 * Not a test: the machine is shared, so read the figures as a guide. Without `npm run build` (no
 * `apps/web/dist` or `apps/server/dist` written, the server run from source through tsx):
 *   npx vite build apps/web --outDir /tmp/bench-web --emptyOutDir
 *   BENCH_SERVER=apps/server/src/main.ts BENCH_WEB_DIR=/tmp/bench-web BENCH_PORT=3461 npx tsx bench/initial-sync.ts
 * `BENCH_CPU_PROFILE=<dir>` writes DevTools CPU profiles of the pull (pull.cpuprofile, from the reload)
 * and of the keystrokes, and prints the pull's heaviest functions (build with `--minify false` for names).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import {
  launchChromium,
  printTable,
  profiled,
  registerShop,
  summary,
  timeKeystrokes,
  instrumentPull,
  waitForSyncedCatalogue,
  type SyncedCatalogue,
  type TimedTransaction,
} from './browser.js';
import { createBenchDatabase, seedCatalogue } from './catalogueSeed.js';
import { startServer, stopServer } from './servers.js';

const PRODUCTS = 20_000;
/** Two batches (lots) for every other product: 20,000 batches. */
const BATCHES = { batchedEvery: 2, batchesEach: 2 };
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const THROTTLE = 4;
const TARGET_MS = 5000;

/** One /api/v1/sync exchange as the browser saw it (wall clock, ms). */
interface Exchange {
  started: number;
  /** Request sent to first byte: the server building the page (and the loopback). */
  serverMs: number;
  /** First byte to last. */
  downloadMs: number;
  ended: number;
  /** Bytes on the wire (compressed, if it was). */
  bytes: number;
  encoding: string;
  /** The answer's body gzipped (level 6), to show what compression would save on a phone's link. */
  gzipped: number;
}

async function exchangeOf(request: Request): Promise<Exchange> {
  const timing = request.timing();
  const sizes = await request.sizes();
  const response = await request.response();
  const encoding = response?.headers()['content-encoding'] ?? 'identity';
  return {
    started: timing.startTime,
    serverMs: timing.responseStart - timing.requestStart,
    downloadMs: timing.responseEnd - timing.responseStart,
    ended: timing.startTime + timing.responseEnd,
    bytes: sizes.responseBodySize,
    encoding,
    gzipped: response ? gzipSync(await response.body()).length : 0,
  };
}

/** A CPU profile's heaviest functions by self time: where the page's own time went. */
function heaviestFunctions(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfMs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byNode.get(samples[i] ?? -1);
    if (!frame) continue;
    const file = frame.url.split('/').at(-1) ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...selfMs]
    .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

const ms = (value: number) => `${Math.round(value)} ms`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The pull's time, split from the navigation's start to the grid's full count. */
function breakdown(synced: SyncedCatalogue, exchanges: readonly Exchange[], transactions: readonly TimedTransaction[]) {
  const navigationStart = synced.doneAt - synced.pullMs;
  // Exchanges after the finish (a later cycle's) are not the pull's.
  const sorted = exchanges.filter((exchange) => exchange.ended <= synced.doneAt).sort((a, b) => a.started - b.started);
  const first = sorted[0];
  const last = sorted.at(-1);
  const between = sorted.slice(1).map((exchange, i) => exchange.started - (sorted[i]?.ended ?? exchange.started));
  const during = transactions.filter((transaction) => transaction.started + transaction.ms <= synced.pullMs);
  // A page's apply writes products and figures together; a screen's read of every product or figure reads one.
  const pageWrites = during.filter(
    (transaction) =>
      transaction.mode === 'readwrite' &&
      transaction.stores.includes('products') &&
      transaction.stores.includes('stock'),
  );
  // The screens' reads meanwhile: the catalogue (its count and its full read), the stock shown (figures and queue).
  const readsOf = (stores: string) =>
    during.filter((transaction) => transaction.mode === 'readonly' && [...transaction.stores].sort().join() === stores);
  const bytes = sum(sorted.map((exchange) => exchange.bytes));
  const gzipped = sum(sorted.map((exchange) => exchange.gzipped));
  const encodings = [...new Set(sorted.map((exchange) => exchange.encoding))].join(', ');
  const rows: [string, string][] = [
    [
      '  sync exchanges',
      `${sorted.length}, ${megabytes(bytes)} on the wire (${encodings}); gzipped ${megabytes(gzipped)}`,
    ],
    ['  load to first sync request (boot, session, token)', first ? ms(first.started - navigationStart) : '-'],
    ['  server: request sent to first byte, summed', ms(sum(sorted.map((exchange) => exchange.serverMs)))],
    ['  network: first byte to last, summed', ms(sum(sorted.map((exchange) => exchange.downloadMs)))],
    ['  page between exchanges (parse, validate, apply, next request)', ms(sum(between))],
    [
      `  transactions that apply pages (${pageWrites.length}; the next pages travel meanwhile)`,
      ms(sum(pageWrites.map((transaction) => transaction.ms))),
    ],
    ...['products', 'stock', 'batches'].map((stores): [string, string] => {
      const reads = readsOf(stores);
      return [`  reads of ${stores} meanwhile (${reads.length})`, ms(sum(reads.map((transaction) => transaction.ms)))];
    }),
    ['  last answer to the grid counting every product', last ? ms(synced.doneAt - last.ended) : '-'],
    ['  (stores full, from load)', ms(synced.storedMs)],
  ];
  return rows;
}

async function main(): Promise<void> {
  const database = await createBenchDatabase('opentill_bench_initial_sync');
  const web: Record<string, string> = process.env.BENCH_WEB_DIR ? { OPENTILL_WEB_DIR: process.env.BENCH_WEB_DIR } : {};
  const server = await startServer({ DATABASE_URL: database.url, ...web }, Number(process.env.BENCH_PORT ?? 3205));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(instrumentPull);
    const page = await context.newPage();
    const shop = `Bench Initial Sync ${Date.now()}`;
    await registerShop(page, server.url, shop);

    const seeded = await seedCatalogue(database.url, shop, { products: PRODUCTS, stock: BATCHES });
    // Read after the pull (sizes, bodies, gzip), so the bench's own work does not share its CPU.
    const exchanges: Request[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/sync') exchanges.push(request);
    });
    const cdp = await context.newCDPSession(page);
    const tools = { browser, page, cdp };
    const profileDir = process.env.BENCH_CPU_PROFILE;
    if (profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    // Only what the reload does is timed: the registration's own exchanges are over.
    exchanges.length = 0;
    await page.reload(); // a start-up sync pulls the catalogue
    const synced = await waitForSyncedCatalogue(page, {
      products: PRODUCTS,
      stock: PRODUCTS,
      batches: seeded.batches,
    });
    let heaviest: string[] = [];
    if (profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, 'pull.cpuprofile'), JSON.stringify(profile));
      heaviest = heaviestFunctions(profile);
    }
    const transactions = await page.evaluate(() => window.__benchTransactions ?? []);
    const pulled = breakdown(synced, await Promise.all(exchanges.map(exchangeOf)), transactions);

    // As the till bench: the re-read a change during a read brings (db/catalogue.ts) is over first.
    await page.waitForTimeout(3000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const keystrokes = await profiled(tools, 'keystroke', () => timeKeystrokes(page, SAMPLES));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const batches = synced.batchesStore
      ? `${seeded.batches.toLocaleString('en')} batches`
      : 'batches: not pulled by this build';
    printTable(`OpenTill initial sync bench (${new Date().toISOString()}, Chromium, 360×740)`, [
      [
        `Initial sync, load to grid: ${PRODUCTS.toLocaleString('en')} products, ${PRODUCTS.toLocaleString('en')} figures, ${batches} (unthrottled)`,
        ms(synced.pullMs),
        `< ${TARGET_MS} ms`,
      ],
      ...pulled,
      [`Keystroke to search results painted (${THROTTLE}× CPU throttling)`, summary(keystrokes), 'p95 < 30 ms'],
    ]);
    if (heaviest.length > 0) console.log(`  The pull's heaviest functions (self time):\n  ${heaviest.join('\n  ')}\n`);
  } finally {
    await browser.close();
    await stopServer(server);
    await database.drop();
  }
}

await main();
