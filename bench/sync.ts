/**
 * `npm run bench:sync`: the sync engine's figures on PostgreSQL (issue 3, "Must
 * show" 6). Prints, in one run:
 *
 *  - sales/s ingested through HTTP by 20 simulated devices pushing 50-sale batches
 *    (3 lines a sale, hash chain verified, signed, operation records);
 *  - p50/p99 push latency at a fixed offered load of 1,000 sales/s (open loop);
 *  - device-to-device poke latency across two API instances sharing Redis;
 *  - the ceiling: the same pushes through the sync service with no HTTP, and the ratio.
 *
 *  - the peer: the same sales replicated into a PouchDB server (leveldb on disk),
 *    the store offline-first apps use today, the way PouchDB replication writes
 *    (`_revs_diff`, then `_bulk_docs` with `new_edits: false`), by the same 20
 *    devices. pouchdb-server is installed on demand into bench/.peer (not a
 *    project dependency: it is only the yardstick).
 *
 * Every sale's 3 lines are products picked at random from a catalogue of 2,000
 * tracked products, so each push also locks and moves stock figures and writes
 * a ledger entry per line (SPEC ST). The devices are the tills of a chain: 20
 * tills in 5 branches (4 a branch), since stock is per branch and the tills of
 * one branch sell the same goods.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { nextLink, type ChainLink, type Operation, type Session } from '@opentill/domain';
import { ROOT, children, startServer } from './servers.js';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DEVICES = 20;
const BRANCHES = 5;
const PRODUCTS = 2000;
const BATCH = 50;
const BATCHES_PER_DEVICE = 10;

/** Three different products of the catalogue, at random. */
function pickThree(catalogue: readonly string[]): [string, string, string] {
  const picked = new Set<string>();
  while (picked.size < 3) picked.add(catalogue[Math.floor(Math.random() * catalogue.length)] ?? '');
  return [...picked] as [string, string, string];
}

/** A simulated till: its session, lane sequence, sales chain and the shop's catalogue. */
class Till {
  private seq = 0;
  private link: ChainLink | null = null;
  constructor(
    readonly session: Session,
    private readonly catalogue: readonly string[],
  ) {}

  batch(size = BATCH) {
    return Array.from({ length: size }, () => {
      const [bread, milk, beans] = pickThree(this.catalogue);
      const content = {
        localId: `b_${randomBytes(8).toString('hex')}`,
        items: [
          { productId: bread, name: 'Albany White Bread 700g', quantity: 2, price: 1899 },
          { productId: milk, name: 'Clover Full Cream Milk 1L', quantity: 1, price: 2199 },
          { productId: beans, name: 'Koo Baked Beans 410g', quantity: 3, price: 1899 },
        ],
        totalAmount: 11694,
        paymentMethod: 'cash' as const,
        tendered: 12000,
        change: 306,
        createdAt: new Date().toISOString(),
      };
      this.link = nextLink(content, this.link);
      this.seq += 1;
      return {
        opId: randomUUID(),
        lane: 'high' as const,
        seq: this.seq,
        type: 'CREATE_SALE' as const,
        localId: content.localId,
        data: { ...content, chain: this.link },
      };
    });
  }

  /** The pull cursor the till holds: like the PWA, it sends back the last one it got. */
  cursor: string | null = null;

  /** A sync body around operations serialized ahead of time, with the cursor held now. */
  body(operations = '[]') {
    const cursor = JSON.stringify(this.cursor);
    return `{"protocolVersion":1,"deviceId":"${this.session.device.id}","cursor":${cursor},"pendingOperations":${operations}}`;
  }

  async sync(url: string, operations = '[]'): Promise<{ cursor: string; hasMore: boolean }> {
    const answer = (await post(url, '/api/v1/sync', this.body(operations), this.session.token)) as {
      cursor: string;
      hasMore: boolean;
    };
    this.cursor = answer.cursor;
    return answer;
  }

  /** Pulls until nothing is left: the first sync's catalogue download is not what these figures measure. */
  async catchUp(url: string): Promise<void> {
    while ((await this.sync(url)).hasMore);
  }
}

async function post(url: string, path: string, body: string, token?: string) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

/**
 * Stocks a shop for the bench, straight in the database: BRANCHES branches (the
 * shop's own first), PRODUCTS tracked products with ample opening stock in each
 * (receipts in the ledger, so on hand is the ledger's sum), and the devices
 * spread over the branches in turn. Returns the product ids.
 */
async function stockShop(pool: pg.Pool, tenantId: string, deviceIds: readonly string[]): Promise<string[]> {
  const branches = await pool.query<{ id: string }>(`SELECT id FROM branches WHERE tenant_id = $1`, [tenantId]);
  const branchIds = branches.rows.map((row) => row.id);
  while (branchIds.length < BRANCHES) {
    const added = await pool.query<{ id: string }>(
      `INSERT INTO branches (tenant_id, name) VALUES ($1, $2) RETURNING id`,
      [tenantId, `Branch ${branchIds.length + 1}`],
    );
    branchIds.push(added.rows[0]?.id ?? '');
  }
  const products = await pool.query<{ id: string }>(
    `WITH counter AS (UPDATE tenants SET change_counter = change_counter + $2 WHERE id = $1 RETURNING change_counter)
     INSERT INTO products (tenant_id, name, price, track_stock, change_seq)
     SELECT $1, 'Bench product ' || n, 1899, true, (SELECT change_counter FROM counter) - $2 + n
     FROM generate_series(1, $2) AS n RETURNING id`,
    [tenantId, PRODUCTS],
  );
  const productIds = products.rows.map((row) => row.id);
  await pool.query(
    `INSERT INTO stock_levels (tenant_id, branch_id, product_id, on_hand)
     SELECT $1, b, p, 1000000 FROM unnest($2::uuid[]) AS b, unnest($3::uuid[]) AS p`,
    [tenantId, branchIds, productIds],
  );
  await pool.query(
    `INSERT INTO stock_ledger (tenant_id, branch_id, product_id, delta, kind, note)
     SELECT tenant_id, branch_id, product_id, on_hand, 'receipt', 'Bench opening stock'
     FROM stock_levels WHERE tenant_id = $1`,
    [tenantId],
  );
  for (const [index, deviceId] of deviceIds.entries()) {
    await pool.query(`UPDATE devices SET branch_id = $1 WHERE id = $2`, [branchIds[index % BRANCHES], deviceId]);
  }
  // A shop's database has planner statistics (autovacuum gathers them within a minute of a bulk load); without
  // them the planner guesses one row per table and reads the 2,000 products, or a till's whole chain, where an
  // index finds the few rows a push needs. The bench measures the shop, not the first minute after its load.
  await pool.query('ANALYZE');
  return productIds;
}

async function registerTills(url: string, pool: pg.Pool, count: number): Promise<Till[]> {
  const phone = `086${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const owner = (await post(
    url,
    '/api/v1/auth/register',
    JSON.stringify({ businessName: 'Bench Spaza', ownerName: 'Bench', phone, pin: '1234', deviceId: randomUUID() }),
  )) as Session;
  const sessions = [owner];
  while (sessions.length < count) {
    const session = (await post(
      url,
      '/api/v1/auth/sign-in',
      JSON.stringify({ phone, pin: '1234', deviceId: randomUUID() }),
    )) as Session;
    sessions.push(session);
  }
  const catalogue = await stockShop(
    pool,
    owner.tenant.id,
    sessions.map((session) => session.device.id),
  );
  return sessions.map((session) => new Till(session, catalogue));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Pushes this many batches per till before the clock starts: the figures are of a warm server. */
const WARM_UP_BATCHES = 2;

async function throughput(url: string, pool: pg.Pool): Promise<number> {
  const tills = await registerTills(url, pool, DEVICES);
  const pushes = tills.map((till) =>
    Array.from({ length: WARM_UP_BATCHES + BATCHES_PER_DEVICE }, () => JSON.stringify(till.batch())),
  );
  for (const till of tills) await till.catchUp(url);
  const run = (from: number, to: number) =>
    Promise.all(
      tills.map(async (till, index) => {
        for (const operations of pushes[index]?.slice(from, to) ?? []) await till.sync(url, operations);
      }),
    );
  await run(0, WARM_UP_BATCHES);
  const started = performance.now();
  await run(WARM_UP_BATCHES, WARM_UP_BATCHES + BATCHES_PER_DEVICE);
  return (DEVICES * BATCHES_PER_DEVICE * BATCH) / ((performance.now() - started) / 1000);
}

/** Open loop: a 50-sale push every 50 ms (1,000 sales/s) for `seconds`, whatever the answers do. */
async function latencyAtFixedLoad(url: string, pool: pg.Pool, seconds = 8): Promise<number[]> {
  const tills = await registerTills(url, pool, DEVICES);
  for (const till of tills) await till.catchUp(url);
  const queues = tills.map((till) => ({ till, busy: Promise.resolve() }));
  const latencies: number[] = [];
  const pushes = (seconds * 1000) / 50;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < pushes; i++) {
    const due = started + i * 50;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const queue = queues[i % queues.length];
    if (!queue) continue;
    const operations = JSON.stringify(queue.till.batch());
    // Each till sends one push at a time, in sequence order, as the PWA does.
    queue.busy = queue.busy.then(async () => {
      const sent = performance.now();
      await queue.till.sync(url, operations);
      latencies.push(performance.now() - sent);
    });
    inFlight.push(queue.busy);
  }
  await Promise.all(inFlight);
  return latencies;
}

/** A push through instance A until device B, streaming from instance B, hears the poke. */
async function pokeLatency(urlA: string, urlB: string, pool: pg.Pool, rounds = 30): Promise<number[]> {
  const [pusher, listener] = await registerTills(urlA, pool, 2);
  if (!pusher || !listener) throw new Error('no tills');
  const controller = new AbortController();
  const response = await fetch(`${urlB}/api/v1/sync/events`, {
    headers: { authorization: `Bearer ${listener.session.token}` },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no stream');
  const decoder = new TextDecoder();
  const waiter: { heard?: () => void } = {};
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      if (decoder.decode(chunk.value).includes('event: poke')) waiter.heard?.();
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const poked = new Promise<void>((resolve) => (waiter.heard = resolve));
    const started = performance.now();
    await pusher.sync(urlA, JSON.stringify(pusher.batch(1)));
    await poked;
    // The device pulls on the poke: the time until it has the change.
    await listener.sync(urlB);
    latencies.push(performance.now() - started);
  }
  controller.abort();
  return latencies;
}

const requestBase = (till: Till) => ({ protocolVersion: 1, deviceId: till.session.device.id });

/** The same pushes through the sync service in this process, with no HTTP, JSON or auth. */
async function ceiling(databaseUrl: string): Promise<number> {
  const { createDb } = await import('../apps/server/src/db/client.js');
  const { loadSaleSigner } = await import('../apps/server/src/audit/sale-signer.js');
  const { createLocalPokeBus } = await import('../apps/server/src/sync/pokes.js');
  const { createSyncService } = await import('../apps/server/src/sync/sync.service.js');
  const { insertShop, insertDevice } = await import('../apps/server/src/auth/auth.repository.js');
  const db = await createDb({ databaseUrl, poolMax: 10 });
  const service = await createSyncService({ db, signer: await loadSaleSigner(db), pokes: createLocalPokeBus() });
  const deviceIds = Array.from({ length: DEVICES }, () => randomUUID());
  const tenantId = randomUUID();
  const refs = await db.withTenant(tenantId, async (tx) => {
    const shop = await insertShop(tx, {
      tenantId,
      businessName: 'Ceiling',
      ownerName: 'C',
      phone: '+27869999999',
      pinHash: 'x',
    });
    for (const id of deviceIds) await insertDevice(tx, { ...shop, id, name: 'bench' });
    return shop;
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const catalogue = await stockShop(pool, refs.tenantId, deviceIds);
  await pool.end();
  const tills = deviceIds.map((deviceId) => ({
    till: new Till({ device: { id: deviceId } } as Session, catalogue),
    claims: { ...refs, deviceId, permissions: ['sync:push'] },
  }));
  const batches = tills.map(({ till }) =>
    Array.from({ length: WARM_UP_BATCHES + BATCHES_PER_DEVICE }, () => till.batch()),
  );
  const sync = async ({ till, claims }: (typeof tills)[number], pendingOperations: Operation[] = []) => {
    const answer = await service.sync(claims, { ...requestBase(till), cursor: till.cursor, pendingOperations });
    till.cursor = answer.cursor;
    return answer;
  };
  for (const till of tills) while ((await sync(till)).hasMore);
  const run = (from: number, to: number) =>
    Promise.all(
      tills.map(async (till, index) => {
        for (const batch of batches[index]?.slice(from, to) ?? []) await sync(till, batch);
      }),
    );
  await run(0, WARM_UP_BATCHES);
  const started = performance.now();
  await run(WARM_UP_BATCHES, WARM_UP_BATCHES + BATCHES_PER_DEVICE);
  const rate = (DEVICES * BATCHES_PER_DEVICE * BATCH) / ((performance.now() - started) / 1000);
  await db.close();
  return rate;
}

/** What every request transaction of the server starts with: the app's role and the tenant, both local (D21). */
const ACT_AS_TENANT = "SELECT set_config('role', 'opentill_app', true), set_config('app.tenant_id', $1, true)";

/**
 * The SQL ceiling: per push, the statements the sync service runs (lock the
 * device, read its lanes and the already-applied ids, insert the sales with
 * UNNEST, read the chain neighbours, read the products' stock rules, write the
 * ledger, record the operations and lane progress, then take the branch's stock
 * numbers and move the figures) in one transaction, then the pull that answers
 * it, with every value computed beforehand; both as the app's role under
 * row-level security, as the server runs them.
 */

async function sqlCeiling(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO tenants (business_name) VALUES ('SQL ceiling') RETURNING id`,
  );
  const tenantId = rows[0]?.id ?? '';
  const branch = await pool.query<{ id: string }>(
    `INSERT INTO branches (tenant_id, name) VALUES ($1, 'Main') RETURNING id`,
    [tenantId],
  );
  const branchId = branch.rows[0]?.id ?? '';
  const owner = await pool.query<{ id: string }>(
    `INSERT INTO users (tenant_id, name, role) VALUES ($1, 'Owner', 'OWNER') RETURNING id`,
    [tenantId],
  );
  const ownerId = owner.rows[0]?.id ?? '';
  const deviceIds = Array.from({ length: DEVICES }, () => randomUUID());
  for (const [index, id] of deviceIds.entries()) {
    await pool.query(`INSERT INTO devices (id, tenant_id, branch_id, receipt_prefix) VALUES ($1, $2, $3, $4)`, [
      id,
      tenantId,
      branchId,
      `T${index + 1}`,
    ]);
  }
  const catalogue = await stockShop(pool, tenantId, deviceIds);
  const placed = await pool.query<{ id: string; branch_id: string }>(
    `SELECT id, branch_id FROM devices WHERE id = ANY($1::uuid[])`,
    [deviceIds],
  );
  const devices = placed.rows.map(({ id, branch_id: deviceBranch }) => {
    const till = new Till({ device: { id } } as Session, catalogue);
    const pushes = Array.from({ length: BATCHES_PER_DEVICE }, () =>
      till.batch().map((operation) => ({
        operation,
        saleId: randomUUID(),
        signature: createHash('sha256').update(operation.data.chain.hash).digest('hex'),
        payloadHash: createHash('sha256').update(JSON.stringify(operation)).digest('hex'),
        result: JSON.stringify({ opId: operation.opId, lane: 'high', seq: operation.seq, status: 'created' }),
        items: JSON.stringify(operation.data.items),
      })),
    );
    // Set below to "caught up", as the tills of the other runs are before their clocks start.
    const cursor = { products: 0, stock: 0 };
    return { id, branchId: deviceBranch, pushes, cursor };
  });
  const caughtUp = await pool.query<{ id: string; stock_counter: string }>(
    `SELECT id, stock_counter FROM branches WHERE tenant_id = $1`,
    [tenantId],
  );
  const products = await pool.query<{ seq: string }>(
    `SELECT max(change_seq) AS seq FROM products WHERE tenant_id = $1`,
    [tenantId],
  );
  for (const device of devices) {
    device.cursor.products = Number(products.rows[0]?.seq ?? 0);
    device.cursor.stock = Number(caughtUp.rows.find((row) => row.id === device.branchId)?.stock_counter ?? 0);
  }
  const started = performance.now();
  await Promise.all(
    devices.map(async ({ id: deviceId, branchId: deviceBranch, pushes, cursor }) => {
      for (const push of pushes) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(ACT_AS_TENANT, [tenantId]);
          await client.query('SELECT id FROM devices WHERE id = $1 AND tenant_id = $2 FOR UPDATE', [
            deviceId,
            tenantId,
          ]);
          await client.query(
            `SELECT NULL::uuid, lane, last_seq, NULL::jsonb FROM device_lanes WHERE device_id = $1
             UNION ALL SELECT op_id, lane, NULL, NULL FROM sync_operations WHERE op_id = ANY($2::uuid[])
             UNION ALL SELECT NULL, sale_local_id, NULL, NULL FROM refunds
               WHERE sale_device_id = $1 AND status = 'awaiting_sale'
             UNION ALL SELECT u.id, 'actor', NULL, jsonb_build_object('role', u.role, 'active', u.is_active,
               'atBranch', EXISTS (SELECT 1 FROM user_branches b WHERE b.user_id = u.id AND b.branch_id = $4))
               FROM users u WHERE u.tenant_id = $3 AND u.id = ANY($5::uuid[])`,
            [deviceId, push.map((entry) => entry.operation.opId), tenantId, deviceBranch, [ownerId]],
          );
          await client.query(
            `INSERT INTO sales (id, tenant_id, branch_id, device_id, user_id, local_id, total_amount, payment_method,
               tendered, change, items, chain_seq, previous_hash, hash, signature, signature_key_id, created_at)
             SELECT id, $1, $2, $3, $15, local_id, total, 'cash', tendered, change, items::jsonb, chain_seq,
               previous_hash, hash, signature, 's1', created_at
             FROM unnest($4::uuid[], $5::text[], $6::int[], $7::int[], $8::int[], $9::text[], $10::int[], $11::text[],
               $12::text[], $13::text[], $14::timestamptz[])
               AS s(id, local_id, total, tendered, change, items, chain_seq, previous_hash, hash, signature, created_at)
             ON CONFLICT (tenant_id, device_id, local_id) DO NOTHING RETURNING id, local_id`,
            [
              tenantId,
              branchId,
              deviceId,
              push.map((e) => e.saleId),
              push.map((e) => e.operation.localId),
              push.map((e) => e.operation.data.totalAmount),
              push.map((e) => e.operation.data.tendered),
              push.map((e) => e.operation.data.change),
              push.map((e) => e.items),
              push.map((e) => e.operation.data.chain.seq),
              push.map((e) => e.operation.data.chain.previousHash),
              push.map((e) => e.operation.data.chain.hash),
              push.map((e) => e.signature),
              push.map((e) => e.operation.data.createdAt),
              ownerId,
            ],
          );
          const seqs = push.map((e) => e.operation.data.chain.seq);
          await client.query(
            `SELECT id, chain_seq, hash, previous_hash FROM sales WHERE device_id = $1 AND chain_seq = ANY($2::int[])
               AND id <> ALL($3::uuid[])
             UNION ALL SELECT NULL, chain_seq, NULL, NULL FROM integrity_alerts
             WHERE device_id = $1 AND kind = 'gap' AND resolved_at IS NULL AND chain_seq = ANY($2::int[])`,
            [deviceId, [...seqs, (seqs[0] ?? 1) - 1, (seqs.at(-1) ?? 0) + 1], push.map((e) => e.saleId)],
          );
          // Stock (SPEC ST2, ST6): read the products' rules (no lock), write a ledger entry per line; last,
          // take the branch's stock numbers and move the figures in one statement, held to commit.
          const lines = push.flatMap((e) => e.operation.data.items.map((item) => ({ ...item, saleId: e.saleId })));
          const net = new Map<string, number>();
          for (const line of lines) net.set(line.productId, (net.get(line.productId) ?? 0) - line.quantity);
          const productIds = [...net.keys()];
          await client.query(
            `SELECT EXISTS (SELECT 1 FROM products p JOIN tenants t ON t.id = p.tenant_id
               WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[]) AND p.track_stock
                 AND coalesce(p.oversell_policy, t.oversell_policy) = 'reject')`,
            [tenantId, productIds],
          );
          await client.query(
            `INSERT INTO stock_ledger (tenant_id, branch_id, device_id, product_id, delta, kind, sale_id)
             SELECT $1, $2, $3, product_id, delta, 'sale', sale_id
             FROM unnest($4::uuid[], $5::int[], $6::uuid[]) AS l(product_id, delta, sale_id)`,
            [
              tenantId,
              deviceBranch,
              deviceId,
              lines.map((line) => line.productId),
              lines.map((line) => -line.quantity),
              lines.map((line) => line.saleId),
            ],
          );
          await client.query(
            `WITH operations AS (
               INSERT INTO sync_operations (op_id, tenant_id, device_id, lane, seq, type, payload_hash, result)
               SELECT op_id, $1, $2, 'high', seq, 'CREATE_SALE', payload_hash, result::jsonb
               FROM unnest($3::uuid[], $4::bigint[], $5::text[], $6::text[]) AS o(op_id, seq, payload_hash, result)
             ), progress AS (
               INSERT INTO device_lanes (device_id, lane, last_seq) VALUES ($2, 'high', $7)
               ON CONFLICT (device_id, lane) DO UPDATE SET last_seq = excluded.last_seq
             )
             UPDATE devices SET last_seen_at = now() WHERE id = $2`,
            [
              tenantId,
              deviceId,
              push.map((e) => e.operation.opId),
              push.map((e) => e.operation.seq),
              push.map((e) => e.payloadHash),
              push.map((e) => e.result),
              push.at(-1)?.operation.seq ?? 0,
            ],
          );
          await client.query(
            `WITH counter AS (
               UPDATE branches SET stock_counter = stock_counter + $3 WHERE id = $2 RETURNING stock_counter - $3 AS base
             ), moved AS (
               INSERT INTO stock_levels AS s (tenant_id, branch_id, product_id, on_hand, change_seq)
               SELECT $1, $2, m.product_id, m.delta, counter.base + m.place
               FROM counter, unnest($4::uuid[], $5::int[]) WITH ORDINALITY AS m(product_id, delta, place)
               ON CONFLICT (branch_id, product_id) DO UPDATE SET on_hand = s.on_hand + excluded.on_hand,
                 change_seq = excluded.change_seq
               RETURNING s.product_id, s.on_hand
             )
             SELECT m.product_id, m.on_hand, coalesce(p.track_stock, false) FROM moved m
             LEFT JOIN products p ON p.id = m.product_id AND p.tenant_id = $1 WHERE m.on_hand < 0`,
            [tenantId, deviceBranch, productIds.length, productIds, productIds.map((id) => net.get(id))],
          );
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        // The pull that answers the push: the catalogue and the branch's stock changed since the cursor,
        // in one transaction of the tenant, as the service reads them.
        const reader = await pool.connect();
        await reader.query('BEGIN');
        await reader.query(ACT_AS_TENANT, [tenantId]);
        const pulled = [
          await reader.query<{ change_seq: string }>(
            `SELECT * FROM products WHERE tenant_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT 501`,
            [tenantId, cursor.products],
          ),
          await reader.query<{ levels: [string, number, number][] }>(
            `SELECT
               (SELECT coalesce(json_agg(json_build_array(product_id, on_hand, change_seq) ORDER BY change_seq), '[]')
                FROM (SELECT product_id, on_hand, change_seq FROM stock_levels WHERE branch_id = $1 AND change_seq > $2
                      ORDER BY change_seq LIMIT 501) l) AS levels,
               (SELECT coalesce(json_agg(e ORDER BY e.change_seq), '[]')
                FROM (SELECT x.*, p.name FROM stock_exceptions x LEFT JOIN products p ON p.id = x.product_id
                      WHERE x.branch_id = $1 AND x.change_seq > $2 ORDER BY x.change_seq LIMIT 501) e) AS exceptions`,
            [deviceBranch, cursor.stock],
          ),
        ] as const;
        await reader.query('COMMIT');
        reader.release();
        cursor.products = Number(pulled[0].rows.at(-1)?.change_seq ?? cursor.products);
        cursor.stock = Number(pulled[1].rows[0]?.levels.at(-1)?.[2] ?? cursor.stock);
      }
    }),
  );
  const rate = (DEVICES * BATCHES_PER_DEVICE * BATCH) / ((performance.now() - started) / 1000);
  await pool.end();
  return rate;
}

const PEER_DIR = join(ROOT, 'bench/.peer');
const POUCHDB_SERVER = join(PEER_DIR, 'node_modules/.bin/pouchdb-server');

/** The peer: pouchdb-server on leveldb, fed by the same devices the way PouchDB replication writes. */
async function peer(): Promise<number> {
  if (!existsSync(POUCHDB_SERVER)) {
    console.log('Installing pouchdb-server into bench/.peer (once) ...');
    execFileSync('npm', ['install', '--prefix', PEER_DIR, 'pouchdb-server@4', '--no-audit', '--no-fund'], {
      stdio: 'ignore',
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'opentill-pouch-'));
  const port = 3305;
  const child = spawn(POUCHDB_SERVER, ['--port', String(port), '--host', '127.0.0.1'], {
    cwd: dataDir,
    stdio: 'ignore',
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 0; attempt < 400; attempt++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    await fetch(`${url}/sales`, { method: 'PUT' });
    // The same sales: 3 lines from a catalogue of the same size (PouchDB keeps no stock).
    const catalogue = Array.from({ length: PRODUCTS }, () => randomUUID());
    const tills = Array.from(
      { length: DEVICES },
      () => new Till({ device: { id: randomUUID() } } as Session, catalogue),
    );
    const batches = tills.map((till) =>
      Array.from({ length: BATCHES_PER_DEVICE }, () =>
        till.batch().map((operation) => {
          const doc = { _id: operation.localId, ...operation.data };
          const rev = `1-${createHash('md5').update(JSON.stringify(doc)).digest('hex')}`;
          return { ...doc, _rev: rev };
        }),
      ),
    );
    const send = (path: string, body: unknown) =>
      fetch(`${url}/sales/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => {
        if (!response.ok) throw new Error(`pouchdb ${path} answered ${response.status}`);
        return response.json();
      });
    const started = performance.now();
    await Promise.all(
      batches.map(async (deviceBatches) => {
        for (const docs of deviceBatches) {
          await send('_revs_diff', Object.fromEntries(docs.map((doc) => [doc._id, [doc._rev]])));
          await send('_bulk_docs', { docs, new_edits: false });
        }
      }),
    );
    return (DEVICES * BATCHES_PER_DEVICE * BATCH) / ((performance.now() - started) / 1000);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const name = `opentill_bench_sync_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    // Twenty tills sign in from one address within a minute: lift the sign-in limit for the bench.
    const env = { DATABASE_URL: databaseUrl, REDIS_URL, OPENTILL_DB_POOL_MAX: '10', OPENTILL_AUTH_RATE_LIMIT: '10000' };
    const first = (await startServer(env, 3301)).url;
    const second = (await startServer(env, 3302)).url;

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const http = await throughput(first, pool);
    const latencies = await latencyAtFixedLoad(first, pool);
    const pokes = await pokeLatency(first, second, pool);
    await pool.end();
    const service = await ceiling(databaseUrl);
    const sql = await sqlCeiling(databaseUrl);
    const pouch = await peer();

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rows: [string, string][] = [
      [
        `Ingest through HTTP, ${DEVICES} devices in ${BRANCHES} branches × ${BATCHES_PER_DEVICE} pushes of ${BATCH} sales (3 lines, stock + ledger)`,
        `${Math.round(http)} sales/s`,
      ],
      ['Same pushes through the sync service in-process (no HTTP)', `${Math.round(service)} sales/s`],
      ['SQL ceiling: the same statements straight to PostgreSQL, values precomputed', `${Math.round(sql)} sales/s`],
      ['HTTP / SQL ceiling', `${((http / sql) * 100).toFixed(0)} %`],
      [
        `Push latency at 1,000 sales/s offered (${latencies.length} pushes of 50)`,
        `p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
      ],
      [
        `Poke to pulled, across 2 instances via Redis (${pokes.length} rounds)`,
        `p50 ${ms(percentile(pokes, 50))}, p99 ${ms(percentile(pokes, 99))}`,
      ],
      [
        `Peer: the same sales replicated into pouchdb-server (leveldb), ${DEVICES} devices`,
        `${Math.round(pouch)} docs/s`,
      ],
      ['OpenTill / peer', `${(http / pouch).toFixed(1)}×`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(
      `\nOpenTill sync bench on PostgreSQL (${new Date().toISOString()}, node ${process.version}, one API process per instance)\n`,
    );
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    console.log('');
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
process.exit(0);
