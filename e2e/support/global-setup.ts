/**
 * Starts the built server on a fresh PostgreSQL database for the run, so tests
 * can check what really reached the database; stops it and drops the database after.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { E2E_PORT } from './server.js';
import { ROOT, SERVER, startServer } from './server-process.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function globalSetup() {
  // OPENTILL_WEB_DIR (passed on to the server) names another build of the PWA, as OPENTILL_E2E_SERVER does of the server.
  const webDir = process.env.OPENTILL_WEB_DIR ?? `${ROOT}apps/web/dist`;
  if (!existsSync(SERVER) || !existsSync(`${webDir}/index.html`)) {
    throw new Error('Build first: npm run build (the e2e tests run the built server and PWA)');
  }
  const name = `opentill_e2e_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.OPENTILL_E2E_DATABASE_URL = url.toString();

  const server = await startServer(E2E_PORT, url.toString());

  return async () => {
    await server.stop();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
