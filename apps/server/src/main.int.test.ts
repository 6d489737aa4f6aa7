/**
 * The real entry point, as `npm start` runs it: configuration errors, the demo
 * shop on an empty data folder, serving, and a clean exit on SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { PROTOCOL_VERSION, type Session, type SyncResponse } from '@opentill/domain';
import { TEST_DB_KIND } from './test/test-app.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
/**
 * A server started through tsx while the other test files keep both cores busy has taken over 30 s to answer
 * (CI, once); a bound, not a timing: it fails only for a server that never comes up or never exits.
 */
const SPAWNED_SERVER_MS = 90_000;
const children: ChildProcess[] = [];
const folders: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForReady(url: string, exited: Promise<unknown>): Promise<void> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (let attempt = 0; attempt < 700 && !stopped; attempt++) {
    try {
      if ((await fetch(`${url}/api/v1/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

function databaseEnv(): Record<string, string> {
  if (TEST_DB_KIND === 'postgres') return { DATABASE_URL: inject('postgresUrl') };
  const folder = mkdtempSync(join(tmpdir(), 'opentill-main-'));
  folders.push(folder);
  return { OPENTILL_DATA_DIR: folder };
}

const port = () => String(3400 + Math.floor(Math.random() * 500) + (TEST_DB_KIND === 'postgres' ? 500 : 0));

describe(`npm start on ${TEST_DB_KIND}`, () => {
  it(
    'refuses bad configuration with one line per variable and exit code 78',
    async () => {
      const server = start({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', OPENTILL_DEMO: 'perhaps' });
      expect(await server.exited).toBe(78);
      for (const name of ['PORT', 'DATABASE_URL', 'OPENTILL_DEMO']) expect(server.output()).toContain(name);
    },
    SPAWNED_SERVER_MS,
  );

  it(
    'serves, then shuts down cleanly on SIGTERM',
    async () => {
      const listen = port();
      const server = start({ ...databaseEnv(), PORT: listen, OPENTILL_DEMO: 'false' });
      await waitForReady(`http://127.0.0.1:${listen}`, server.exited);
      expect(server.output()).toContain(`OpenTill is running at http://localhost:${listen}`);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('shut down cleanly');
      // Structured logs: JSON lines with a level and a message.
      const logLine = server
        .output()
        .split('\n')
        .find((line) => line.includes('"msg":"OpenTill is ready"'));
      expect(JSON.parse(logLine ?? '{}')).toMatchObject({ level: 30, msg: 'OpenTill is ready' });
    },
    SPAWNED_SERVER_MS,
  );

  it.runIf(TEST_DB_KIND === 'pglite')(
    'creates the demo shop on an empty data folder and prints how to sign in',
    async () => {
      const listen = port();
      const env = { ...databaseEnv(), PORT: listen };
      const server = start(env);
      const url = `http://127.0.0.1:${listen}`;
      await waitForReady(url, server.exited);
      expect(server.output()).toContain("Demo shop created: Nomsa's Spaza");
      expect(server.output()).toContain('phone 082 555 0123 and PIN 1234');

      const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '082 555 0123', pin: '1234', deviceId: randomUUID() }),
      });
      const session = (await signIn.json()) as Session;
      const pull = await fetch(`${url}/api/v1/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: session.device.id, pendingOperations: [] }),
      });
      const { serverChanges, shop, device } = (await pull.json()) as SyncResponse;
      // Its receipts print its address and phone; like most spaza shops it is not registered for VAT (SS4).
      expect(shop).toMatchObject({ address: expect.stringContaining('Soweto'), vatNumber: null });
      expect(device?.receiptPrefix).toBe('T1');
      expect(serverChanges.products.length).toBeGreaterThanOrEqual(30);
      expect(serverChanges.products.every((product) => /^600\d{10}$/.test(product.barcode ?? ''))).toBe(true);
      // Counted products arrive with their opening stock; airtime is not counted.
      const tracked = serverChanges.products.filter((product) => product.trackStock);
      expect(tracked.length).toBe(serverChanges.products.length - 1);
      expect(serverChanges.stock.map((level) => level.productId).sort()).toEqual(tracked.map((p) => p.id).sort());
      expect(serverChanges.stock.every((level) => level.onHand > 0)).toBe(true);

      // A second start on the same folder keeps the data and makes no second demo shop.
      server.child.kill('SIGTERM');
      await server.exited;
      const again = start(env);
      await waitForReady(url, again.exited);
      expect(again.output()).not.toContain('Demo shop created');
    },
    SPAWNED_SERVER_MS,
  );

  it.runIf(TEST_DB_KIND === 'pglite')(
    'skips the demo shop when told not to',
    async () => {
      const listen = port();
      const server = start({ ...databaseEnv(), PORT: listen, OPENTILL_DEMO: 'false' });
      await waitForReady(`http://127.0.0.1:${listen}`, server.exited);
      expect(server.output()).not.toContain('Demo shop created');
    },
    SPAWNED_SERVER_MS,
  );
});
