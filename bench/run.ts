/**
 * `npm run bench`: prints the issue-2 figures. Not a test: nothing here passes or
 * fails, and the machine may be busy, so read the figures as a rough guide.
 *
 *  - server start time on PGlite, cold (empty data folder) and warm;
 *  - the initial route's JS + CSS, gzipped;
 *  - the time to push 1,000 queued sales through /api/v1/sync, on PGlite and on PostgreSQL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextLink, type ChainLink } from '@opentill/domain';
import { measureInitialRoute } from '../scripts/bundle-size.mjs';
import { createBenchDatabase } from './catalogueSeed.js';
import { ROOT, startServer, stopServer } from './servers.js';

const SALES = 1000;
const BATCH = 50;

function saleContent(index: number) {
  const localId = `bench_${index.toString().padStart(8, '0')}${randomBytes(3).toString('hex')}`;
  return {
    localId,
    items: [
      { productId: randomUUID(), name: 'Albany White Bread 700g', quantity: 2, price: 1899 },
      { productId: randomUUID(), name: 'Clover Full Cream Milk 1L', quantity: 1, price: 2199 },
    ],
    totalAmount: 5997,
    paymentMethod: 'cash',
    tendered: 6000,
    change: 3,
    createdAt: new Date().toISOString(),
  };
}

/** Registers a shop, then pushes SALES sales in batches of BATCH, as a device draining its outbox. */
async function pushSales(url: string): Promise<{ ms: number; created: number }> {
  const deviceId = randomUUID();
  const phone = `08${Math.floor(Math.random() * 10)}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const register = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessName: 'Bench Spaza', ownerName: 'Bench', phone, pin: '1234', deviceId }),
  });
  const { token } = (await register.json()) as { token: string };
  let link: ChainLink | null = null;
  const operations = Array.from({ length: SALES }, (_, i) => {
    const content = saleContent(i);
    link = nextLink(content, link);
    const data = { ...content, chain: link };
    return { opId: randomUUID(), lane: 'high', seq: i + 1, type: 'CREATE_SALE', localId: data.localId, data };
  });
  let created = 0;
  const started = performance.now();
  for (let offset = 0; offset < SALES; offset += BATCH) {
    const response = await fetch(`${url}/api/v1/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocolVersion: 1,
        deviceId,
        cursor: null,
        pendingOperations: operations.slice(offset, offset + BATCH),
      }),
    });
    if (!response.ok) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { acknowledgments: { status: string }[] };
    created += body.acknowledgments.filter((ack) => ack.status === 'created').length;
  }
  return { ms: performance.now() - started, created };
}

async function withPostgresDatabase<T>(use: (databaseUrl: string) => Promise<T>): Promise<T> {
  const database = await createBenchDatabase('opentill_bench');
  try {
    return await use(database.url);
  } finally {
    await database.drop();
  }
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;

async function main() {
  const results: [string, string][] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'opentill-bench-'));
  try {
    const cold = await startServer({ OPENTILL_DATA_DIR: dataDir }, 3201);
    results.push(['Server start, PGlite, cold (empty data folder, initdb + migrations)', fmt(cold.readyMs)]);
    await stopServer(cold);
    const warm = await startServer({ OPENTILL_DATA_DIR: dataDir }, 3201);
    results.push(['Server start, PGlite, warm (existing data folder)', fmt(warm.readyMs)]);
    const pglitePush = await pushSales(warm.url);
    results.push([
      `Push ${SALES} queued sales via /api/v1/sync, PGlite (${SALES / BATCH} requests of ${BATCH})`,
      `${fmt(pglitePush.ms)} (${pglitePush.created} created, ${Math.round((SALES / pglitePush.ms) * 1000)} sales/s)`,
    ]);
    await stopServer(warm);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  await withPostgresDatabase(async (databaseUrl) => {
    const server = await startServer({ DATABASE_URL: databaseUrl }, 3202);
    results.push(['Server start, PostgreSQL (fresh database, migrations)', fmt(server.readyMs)]);
    const push = await pushSales(server.url);
    results.push([
      `Push ${SALES} queued sales via /api/v1/sync, PostgreSQL (${SALES / BATCH} requests of ${BATCH})`,
      `${fmt(push.ms)} (${push.created} created, ${Math.round((SALES / push.ms) * 1000)} sales/s)`,
    ]);
    await stopServer(server);
  });

  const bundle = measureInitialRoute(join(ROOT, 'apps/web/dist'));
  results.push([
    'Initial route JS + CSS, gzipped (budget 180 KB; seed budget 500 KB)',
    `${(bundle.gzipTotal / 1024).toFixed(1)} KB in ${bundle.files.length} files`,
  ]);

  const width = Math.max(...results.map(([label]) => label.length));
  console.log(`\nOpenTill bench (${new Date().toISOString()}, node ${process.version})\n`);
  for (const [label, value] of results) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log('');
}

await main();
