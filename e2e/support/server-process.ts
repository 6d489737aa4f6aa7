/**
 * Starts the built server (apps/server/dist/main.js) as its own process: for the whole run
 * (global-setup.ts) or, with settings of its own, for one spec (e.g. 30-second access tokens).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built server; `OPENTILL_E2E_SERVER` names another build (a run beside others using dist/). */
export const SERVER = process.env.OPENTILL_E2E_SERVER ?? `${ROOT}apps/server/dist/main.js`;

export interface ServerProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

async function waitUntilReady(baseUrl: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become ready at ${baseUrl}`);
}

/** Listens on 127.0.0.1:`port` with `databaseUrl`; `env` adds or overrides settings. */
export async function startServer(
  port: number,
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      OPENTILL_DEMO: 'false',
      // Every test registers a shop and signs phones in from 127.0.0.1: more than the default 10 a minute.
      OPENTILL_AUTH_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    await waitUntilReady(baseUrl, Date.now() + 60_000);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return {
    baseUrl,
    async stop() {
      server.kill('SIGTERM');
      await exited;
    },
  };
}
