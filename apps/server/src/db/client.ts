/**
 * One way to open the database: PGlite (embedded, a folder on disk) by default,
 * PostgreSQL when DATABASE_URL is set. Both speak the same SQL and schema.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Database | Transaction;

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Database;
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

export async function createDb(options: DbOptions): Promise<Db> {
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.poolMax ?? 10);
  return openPglite('dataDir' in options ? options.dataDir : undefined);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { startParams: PGLITE_START_PARAMS, relaxedDurability: false });
  const orm = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: 'pglite',
    orm,
    ping: () => ping(orm),
    close: () => client.close(),
  };
}

async function openPostgres(databaseUrl: string, poolMax: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => undefined);
  const orm = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    kind: 'postgres',
    orm,
    ping: () => ping(orm),
    close: () => pool.end(),
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
