/**
 * Issue 4, "Must show" 4 (SPEC ID15): row-level security on every tenant-owned
 * table, keyed by the transaction's tenant, so a query that forgets the tenant
 * sees nothing, and one tenant's transaction never sees or writes another's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Session } from '@opentill/domain';
import { TEST_DB_KIND, pushAs, registerShop, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, saleOf } from '../test/operations.js';
import { APP_ROLE, queryRows, type Db, type Executor } from './client.js';
import { products } from './schema.js';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  app = await testApp();
  db = await testDb();
});
afterAll(async () => {
  await app.close();
});

/** Every table with a tenant column, and the tenants table itself, read from the catalogue. */
async function tenantOwnedTables(): Promise<string[]> {
  const rows = await db.asSystem((tx) =>
    queryRows<{ table_name: string }>(
      tx,
      sql`select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'tenant_id'
          union select 'tenants' order by 1`,
    ),
  );
  return rows.map((row) => row.table_name);
}

async function countRows(executor: Executor, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(executor, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? -1;
}

/** A shop with something in every table a shop fills: a product, stock, a sale, an audit entry. */
async function busyShop(): Promise<Session> {
  const session = await registerShop(app);
  const device = new DeviceScript();
  const product = device.product({ name: 'Sunlight Soap', price: 1_500, trackStock: true });
  const received = device.receive(product.localId, 10);
  await pushAs(app, session, [product, received]);
  await pushAs(app, session, [device.sale(saleOf([{ productId: product.localId, quantity: 1, price: 1_500 }]))]);
  return session;
}

describe(`row-level security on ${TEST_DB_KIND}`, () => {
  it('is enabled with a tenant policy on every table that holds a tenant’s rows', async () => {
    const tables = await tenantOwnedTables();
    expect(tables.length).toBeGreaterThanOrEqual(16);
    const protectedTables = await db.asSystem((tx) =>
      queryRows<{ relname: string }>(
        tx,
        sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relrowsecurity
              and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation')`,
      ),
    );
    const names = new Set(protectedTables.map((row) => row.relname));
    expect(tables.filter((table) => !names.has(table))).toEqual([]);
  });

  it('runs the app as a role that is no superuser and cannot bypass row-level security', async () => {
    const [role] = await queryRows<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(
      db.orm,
      sql`select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
    );
    expect(role).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false });
  });

  it('a query run without the tenant setting returns nothing, on every tenant-owned table', async () => {
    await busyShop();
    const tables = await tenantOwnedTables();
    const seenBySystem = await db.asSystem(async (tx) => {
      const counts: Record<string, number> = {};
      for (const table of tables) counts[table] = await countRows(tx, table);
      return counts;
    });
    // The rows exist (the shop just filled them), so an empty answer below is the policy, not an empty table.
    for (const table of ['tenants', 'users', 'devices', 'products', 'sales', 'stock_ledger', 'audit_log']) {
      expect(seenBySystem[table], table).toBeGreaterThan(0);
    }
    for (const table of tables) expect(await countRows(db.orm, table), table).toBe(0);
    // Inside a transaction that forgot to name its tenant, too.
    await db.orm.transaction(async (tx) => {
      for (const table of tables) expect(await countRows(tx, table), table).toBe(0);
    });
  });

  it('a tenant’s transaction sees only its own rows, even when the query forgets the tenant', async () => {
    const a = await busyShop();
    const b = await busyShop();
    for (const [session, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await db.withTenant(session.tenant.id, async (tx) => {
        const tenants = await queryRows<{ id: string }>(tx, sql`select id from tenants`);
        expect(tenants).toEqual([{ id: session.tenant.id }]);
        const visible = await queryRows<{ tenant_id: string }>(tx, sql`select distinct tenant_id from sales`);
        expect(visible).toEqual([{ tenant_id: session.tenant.id }]);
        const foreign = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from devices where tenant_id = ${other.tenant.id}::uuid`,
        );
        expect(foreign).toEqual([{ n: 0 }]);
      });
    }
  });

  it('refuses to write a row into another tenant, and such a write changes nothing', async () => {
    const a = await busyShop();
    const b = await busyShop();
    const id = randomUUID();
    const write = db.withTenant(a.tenant.id, (tx) =>
      tx.insert(products).values({ id, tenantId: b.tenant.id, name: 'Planted', price: 1, changeSeq: 999_999 }),
    );
    await expect(write).rejects.toThrow();
    const planted = await db.asSystem((tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from products where id = ${id}::uuid`),
    );
    expect(planted).toEqual([{ n: 0 }]);
    // Nor can one tenant move another's rows: the update matches nothing it can see.
    const moved = await db.withTenant(a.tenant.id, (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`update products set name = 'Hijacked' where tenant_id = ${b.tenant.id}::uuid returning id`,
      ),
    );
    expect(moved).toEqual([]);
  });

  it('never carries a tenant from one transaction into the next on the same connections', async () => {
    const shop = await busyShop();
    // More rounds than the pool has connections, so every pooled connection is reused.
    for (let round = 0; round < 12; round++) {
      expect(await db.withTenant(shop.tenant.id, (tx) => countRows(tx, 'sales'))).toBe(1);
      expect(await countRows(db.orm, 'sales')).toBe(0);
    }
  });
});
