import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingOperations, recordSale, saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { testSale, testSession } from '../testing/fixtures';
import { FakeSyncServer } from './fakeSyncServer';
import { runSyncCycle } from './syncCycle';

let server: FakeSyncServer;
let inFlight = 0;
let maxInFlight = 0;

beforeEach(async () => {
  await resetLocalDatabase();
  server = new FakeSyncServer();
  inFlight = 0;
  maxInFlight = 0;
  // A slow link: each request stays in flight for 20 ms, long enough for a second cycle to overlap.
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (url, init) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await server.fetch(url, init);
      } finally {
        inFlight -= 1;
      }
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('runSyncCycle (shared by the page and the service worker)', () => {
  it('runs two cycles started together (a tab and the worker) one after the other', async () => {
    await saveSession(testSession());
    await recordSale(testSale());

    const outcomes = await Promise.all([runSyncCycle(), runSyncCycle()]);

    expect(outcomes).toEqual([{ kind: 'done' }, { kind: 'done' }]);
    expect(maxInFlight).toBe(1);
    // The first cycle sent the sale; the second found the queue empty and only pulled.
    expect(server.requests.map((request) => request.pendingOperations.length)).toEqual([1, 0]);
    expect(server.storedCount('CREATE_SALE')).toBe(1);
    expect(await pendingOperations(50)).toEqual([]);
  });

  it('calls onStart only when it is about to reach the server', async () => {
    const onStart = vi.fn();
    expect(await runSyncCycle({ onStart })).toEqual({ kind: 'skipped', reason: 'no-session' });

    await saveSession(testSession());
    vi.stubGlobal('navigator', { onLine: false });
    expect(await runSyncCycle({ onStart })).toEqual({ kind: 'skipped', reason: 'offline' });
    expect(onStart).not.toHaveBeenCalled();
    expect(server.requests).toHaveLength(0);

    vi.stubGlobal('navigator', { onLine: true });
    expect(await runSyncCycle({ onStart })).toEqual({ kind: 'done' });
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('keeps the queue when the link is down, for the next try to send the same operations', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    const [queued] = await pendingOperations(50);
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));

    expect(await runSyncCycle()).toEqual({ kind: 'retry', problem: { code: 'network' } });
    expect(await pendingOperations(50)).toEqual([queued]);
  });
});
