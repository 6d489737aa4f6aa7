/**
 * A throwaway PostgreSQL database per run, and a shop's catalogue written straight into it
 * (SQL, not the API: 20,000 products through the sync endpoint would time the seeding, not the till).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const BRANDS = ['Albany', 'Sasko', 'Clover', 'Koo', 'Lucky Star', 'Tastic', 'Iwisa', 'Joko', 'Rama', 'Omo'];
const ITEMS = ['Bread', 'Milk', 'Beans', 'Pilchards', 'Rice', 'Maize Meal', 'Tea', 'Margarine', 'Soap', 'Juice'];
const SIZES = ['250g', '500g', '1kg', '2kg', '5kg', '1L', '2L', '410g', '700g', '100s'];

/** Product n's barcode (1 ≤ n ≤ the count seeded): 6009 and 9 digits, as a scanner sends it. */
export const barcodeOf = (n: number): string => String(600900000000 + n);

export interface BenchDatabase {
  url: string;
  /** Drops the database (its connections forced out) and closes the admin connection. */
  drop(): Promise<void>;
}

/** Creates an empty database named `<prefix>_<random>`; the server migrates it on start. */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface CatalogueSeed {
  products: number;
  /**
   * Stock at the shop's (only) branch: a figure for every product, tracked, and `batchesEach`
   * batches for every `batchedEvery`-th product. Absent: products untracked, no stock rows.
   */
  stock?: { batchedEvery: number; batchesEach: number };
}

/** What was written: the batches, so a bench knows how many a device should pull. */
export interface SeededCatalogue {
  batches: number;
}

/**
 * Seeds the tenant of `shop` with products whose names people search for, numbered from the
 * tenant's change counter (SY4), and, with `stock`, the branch's figures and batches numbered
 * from the branch's stock counter (figures and batches share it: every row its own number),
 * all in one transaction as the server's own writes would be.
 */
export async function seedCatalogue(databaseUrl: string, shop: string, seed: CatalogueSeed): Promise<SeededCatalogue> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const tenant = await client.query<{ id: string; change_counter: string }>(
      'SELECT id, change_counter FROM tenants WHERE business_name = $1 FOR UPDATE',
      [shop],
    );
    const tenantRow = tenant.rows[0];
    if (!tenantRow) throw new Error(`no shop named ${shop}`);
    await client.query(
      `INSERT INTO products (tenant_id, name, price, barcode, category, is_active, track_stock, change_seq)
       SELECT $1,
         ($2::text[])[1 + n % 10] || ' ' || ($3::text[])[1 + (n / 10) % 10] || ' ' || ($4::text[])[1 + (n / 100) % 10]
           || ' #' || n,
         100 + (n * 37) % 50000, (600900000000 + n)::text, ($3::text[])[1 + (n / 10) % 10], true, $6,
         $7::bigint + n
       FROM generate_series(1, $5::int) AS n`,
      [tenantRow.id, BRANDS, ITEMS, SIZES, seed.products, seed.stock !== undefined, tenantRow.change_counter],
    );
    await client.query('UPDATE tenants SET change_counter = change_counter + $2 WHERE id = $1', [
      tenantRow.id,
      seed.products,
    ]);
    const batches = seed.stock ? await seedStock(client, tenantRow.id, seed.stock) : 0;
    await client.query('COMMIT');
    return { batches };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** The branch's figures (20 to 199 units) and batches (each a third of the figure or less, so they sum below it). */
async function seedStock(
  client: pg.Client,
  tenantId: string,
  { batchedEvery, batchesEach }: NonNullable<CatalogueSeed['stock']>,
): Promise<number> {
  const branch = await client.query<{ id: string; stock_counter: string }>(
    'SELECT id, stock_counter FROM branches WHERE tenant_id = $1 ORDER BY created_at LIMIT 1 FOR UPDATE',
    [tenantId],
  );
  const branchRow = branch.rows[0];
  if (!branchRow) throw new Error('the shop has no branch');
  // n, the product's number, comes back from its barcode.
  const seeded = `SELECT id AS product_id, (barcode::bigint - 600900000000)::int AS n
    FROM products WHERE tenant_id = $1 AND barcode LIKE '6009%'`;
  const levels = await client.query(
    `INSERT INTO stock_levels (tenant_id, branch_id, product_id, on_hand, change_seq)
     SELECT $1, $2, product_id, 20 + n % 180, $3::bigint + row_number() OVER (ORDER BY n)
     FROM (${seeded}) AS seeded`,
    [tenantId, branchRow.id, branchRow.stock_counter],
  );
  const levelCount = levels.rowCount ?? 0;
  // Lots expire over the next two years; every tenth product's do not expire (no date).
  const batches = await client.query(
    `INSERT INTO stock_batches (tenant_id, branch_id, product_id, lot, expires_on, on_hand, change_seq)
     SELECT $1, $2, product_id, 'L' || n || '-' || k,
       CASE WHEN n % 10 = 0 THEN NULL ELSE current_date + (30 + (n * 7 + k * 90) % 700) END,
       (20 + n % 180) / ($6::int + 1), $3::bigint + $4::bigint + row_number() OVER (ORDER BY n, k)
     FROM (${seeded}) AS seeded, generate_series(1, $6::int) AS k
     WHERE n % $5::int = 0`,
    [tenantId, branchRow.id, branchRow.stock_counter, levelCount, batchedEvery, batchesEach],
  );
  const batchCount = batches.rowCount ?? 0;
  await client.query('UPDATE branches SET stock_counter = stock_counter + $2 WHERE id = $1', [
    branchRow.id,
    levelCount + batchCount,
  ]);
  return batchCount;
}
