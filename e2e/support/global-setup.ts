/**
 * Starts the built server on a fresh PostgreSQL database for the run, so tests
 * can check what really reached the database; stops it and drops the database after.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { E2E_BASE_URL, E2E_PORT } from './server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER = `${ROOT}apps/server/dist/main.js`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitUntilReady(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${E2E_BASE_URL}/api/v1/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become ready at ${E2E_BASE_URL}`);
}

export default async function globalSetup() {
  if (!existsSync(SERVER) || !existsSync(`${ROOT}apps/web/dist/index.html`)) {
    throw new Error('Build first: npm run build (the e2e tests run the built server and PWA)');
  }
  const name = `opentill_e2e_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.OPENTILL_E2E_DATABASE_URL = url.toString();

  const server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      OPENTILL_DEMO: 'false',
      // Every test registers a shop and signs phones in from 127.0.0.1: more than the default 10 a minute.
      OPENTILL_AUTH_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitUntilReady(Date.now() + 60_000);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
