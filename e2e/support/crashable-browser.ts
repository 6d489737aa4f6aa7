/**
 * A Chromium the test can kill like a phone whose battery dies: started by hand
 * on a user-data folder that survives it, driven over CDP, stopped with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface CrashableBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** SIGKILL: no unload, no flush, no goodbye. */
  kill(): Promise<void>;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium picks a free port and writes it to DevToolsActivePort in the profile.
  '--remote-debugging-port=0',
  '--remote-debugging-address=127.0.0.1',
];

/** Every browser launched here, so a failed test cannot leave one running. */
const running = new Set<ChildProcess>();

export function killAllCrashables(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

async function until<T>(attempt: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const value = await attempt();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function launchCrashable(userDataDir: string): Promise<CrashableBrowser> {
  const portFile = join(userDataDir, 'DevToolsActivePort');
  // A killed Chromium leaves its port file behind: remove it so we read the new one.
  rmSync(portFile, { force: true });
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...FLAGS, `--user-data-dir=${userDataDir}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await until(() => {
    const [line] = existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n') : [];
    return line && Number(line) > 0 ? Number(line) : undefined;
  }, 'the debugging port');
  const browser = await until(
    () => chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch(() => undefined),
    'a CDP connection',
  );
  // The profile's own context (persistent, unlike a new one) may be reported a moment after connecting.
  const context = await until(() => browser.contexts()[0], 'the default context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 360, height: 740 });
  return {
    browser,
    context,
    page,
    async kill() {
      child.kill('SIGKILL');
      await exited;
      running.delete(child);
    },
  };
}
