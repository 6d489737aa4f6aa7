/**
 * One way to open the database: PGlite (embedded, a folder on disk) by default,
 * PostgreSQL when DATABASE_URL is set. Both speak the same SQL and schema, and
 * both run the app as the restricted role under row-level security (SPEC ID15).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { migrate } from './migrate.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Database | Transaction;

/** The role the app's connections run as: it owns nothing and cannot bypass row-level security. */
export const APP_ROLE = 'opentill_app';

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Runs as APP_ROLE: tenant-owned tables show no rows outside `withTenant`. */
  readonly orm: Database;
  /** Runs `work` in a transaction that sees and writes the rows of one tenant only. */
  withTenant<T>(tenantId: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in a transaction as the database owner, across tenants: for the few
   * jobs that have no tenant yet or span them all (the demo shop, the audit verifier).
   */
  asSystem<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DbOptions = { databaseUrl: string; poolMax?: number } | { dataDir: string } | { inMemory: true };

/**
 * PGlite's default start parameters include `-F` (fsync off). The embedded
 * server passes them without it, so a committed sale survives a power cut as far
 * as the disk's own fsync allows (docs/OPERATIONS.md "Embedded mode").
 */
export const PGLITE_START_PARAMS = PGlite.defaultStartParams.filter((param) => param !== '-F');

/** Opens the database, applies pending migrations as the connecting user, then serves as APP_ROLE. */
export async function createDb(options: DbOptions): Promise<Db> {
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.poolMax ?? 10);
  return openPglite('dataDir' in options ? options.dataDir : undefined);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { startParams: PGLITE_START_PARAMS, relaxedDurability: false });
  const orm = drizzlePglite({ client, schema }) as unknown as Database;
  await migrate(orm, 'pglite');
  // One session: the role is set once, and a system transaction sets it back locally.
  await client.exec(`SET ROLE ${APP_ROLE}`);
  return withScopes('pglite', orm, () => client.close());
}

async function openPostgres(databaseUrl: string, poolMax: number): Promise<Db> {
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    await migrate(drizzlePg({ client: owner, schema }) as unknown as Database, 'postgres');
  } finally {
    await owner.end();
  }
  // The role is a start-up option, so a connection that cannot take it fails instead of running as owner.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, options: `-c role=${APP_ROLE}` });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => undefined);
  const orm = drizzlePg({ client: pool, schema }) as unknown as Database;
  return withScopes('postgres', orm, () => pool.end());
}

function withScopes(kind: Db['kind'], orm: Database, close: () => Promise<void>): Db {
  return {
    kind,
    orm,
    // Transaction-local (the `true`): a pooled connection never carries a tenant into the next request.
    withTenant: (tenantId, work) =>
      orm.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
        return work(tx);
      }),
    asSystem: (work) =>
      orm.transaction(async (tx) => {
        await tx.execute(sql`set local role none`);
        return work(tx);
      }),
    ping: () => ping(orm),
    close,
  };
}

async function ping(orm: Database): Promise<boolean> {
  try {
    await orm.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute` with an object
 * holding `rows` (node-postgres' QueryResult, PGlite's Results); Drizzle's generic
 * type cannot say so, hence the one cast here.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
