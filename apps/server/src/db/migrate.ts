import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * The SQL migrations folder. The build copies it next to the bundle
 * (dist/migrations), so the same relative URL works from source and from dist.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Advisory lock key that serializes migrations when several instances start at once. */
const MIGRATION_LOCK = 7_361_001;

/**
 * Applies every pending migration, as the connecting user (who owns the tables);
 * safe to run on each start, from many instances. `createDb` calls it before the
 * app's connections switch to the restricted role.
 */
export async function migrate(orm: Database, kind: 'pglite' | 'postgres'): Promise<void> {
  if (kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(orm as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
  // A transaction-scoped advisory lock works through PgBouncer in transaction mode;
  // drizzle's migrator runs its own transaction, so the lock is held around it.
  await orm.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await run(tx as never, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}
