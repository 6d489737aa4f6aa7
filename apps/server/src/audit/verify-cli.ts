/**
 * Entry point of `npm run audit:verify` (and `node dist/audit-verify.js` in a
 * build): opens the database the server uses (DATABASE_URL, else the embedded one
 * in OPENTILL_DATA_DIR, which the server must not have open) and verifies.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { runAuditVerify } from './verify-command.js';

/** The error's message and its causes': Drizzle's "Failed query" hides the database's reason in `cause`. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) parts.push(current.message);
  return parts.length > 0 ? parts.join(': ') : String(error);
}

async function main(): Promise<number> {
  const { database } = loadConfig();
  // Opening a missing folder would create an empty database and call it verified.
  if ('dataDir' in database && !existsSync(database.dataDir)) {
    throw new Error(`no database at ${database.dataDir} (set OPENTILL_DATA_DIR or DATABASE_URL)`);
  }
  const db = await createDb(database);
  try {
    // The verifier walks every tenant's chain, so it reads as the owner, past row-level security.
    return await db.asSystem((tx) =>
      runAuditVerify(tx, process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)),
    );
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `audit:verify failed: ${describe(error)}\n`,
    );
    process.exitCode = error instanceof ConfigError ? 78 : 1;
  },
);
