/** Starting and stopping the built server for benchmarks; no child outlives the run. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * The built server. `BENCH_SERVER` names another: a bundle built elsewhere, or the TypeScript entry
 * (`apps/server/src/main.ts`, run through tsx), so a run needs no `apps/server/dist` (and leaves the one
 * another engineer's e2e run uses alone).
 */
const SERVER = process.env.BENCH_SERVER ?? join(ROOT, 'apps/server/dist/main.js');
const SERVER_ARGS = SERVER.endsWith('.ts') ? ['--import', 'tsx', SERVER] : [SERVER];

/** Every process a benchmark started (servers, the peer), killed when the run ends however it ends. */
export const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface Running {
  process: ChildProcess;
  url: string;
  /** From spawn until /api/v1/ready answered. */
  readyMs: number;
}

export async function startServer(env: Record<string, string>, port: number): Promise<Running> {
  const started = performance.now();
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OPENTILL_DEMO: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${url}/api/v1/ready`)).ok) return { process: child, url, readyMs: performance.now() - started };
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready within 15 s');
}

export async function stopServer(server: Running): Promise<void> {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
  children.delete(server.process);
}
