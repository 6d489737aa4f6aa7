import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncOutcome } from './syncCycle';
import type * as Triggers from './triggers';

const { syncNow, registerBackgroundSync } = vi.hoisted(() => ({
  syncNow: vi.fn<() => Promise<SyncOutcome>>(),
  registerBackgroundSync: vi.fn(),
}));
vi.mock('./syncClient', () => ({ syncNow, wantFreshRoster: vi.fn() }));
let onSyncMessage: (() => void) | undefined;
vi.mock('./backgroundSync', () => ({
  registerBackgroundSync,
  listenForSyncMessages: (onSync: () => void) => {
    onSyncMessage = onSync;
    return () => {};
  },
}));
vi.mock('./pokes', () => ({ startPokes: () => () => {} }));
vi.mock('../db', () => ({ watchUnsyncedCount: () => () => {} }));

/** A fresh module each test: the backoff's state lives in it. */
let triggers: typeof Triggers;
beforeEach(async () => {
  vi.resetModules();
  triggers = await import('./triggers');
});

afterEach(() => {
  vi.clearAllMocks();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function requestSyncEndingIn(outcome: SyncOutcome): Promise<void> {
  vi.useFakeTimers(); // the retry a failure schedules must not fire during the test
  const run = Promise.resolve(outcome);
  syncNow.mockReturnValueOnce(run);
  triggers.requestSync();
  await run; // requestSync's own reaction to `run` was registered first, so it has run by now
}

describe('requestSync and Background Sync', () => {
  it.each<SyncOutcome>([
    { kind: 'skipped', reason: 'offline' },
    { kind: 'retry', problem: { code: 'network' } },
  ])('registers the outbox sync tag when the network is missing: %o', async (outcome) => {
    await requestSyncEndingIn(outcome);
    expect(registerBackgroundSync).toHaveBeenCalledTimes(1);
  });

  it.each<SyncOutcome>([
    { kind: 'done' },
    { kind: 'retry', problem: { code: 'server' } },
    { kind: 'blocked', problem: { code: 'OT_ERR_UNAUTHENTICATED' } },
    { kind: 'skipped', reason: 'no-session' },
  ])('does not register it when the network is there: %o', async (outcome) => {
    await requestSyncEndingIn(outcome);
    expect(registerBackgroundSync).not.toHaveBeenCalled();
  });
});

describe('the service worker’s sync message', () => {
  it('syncs at once, but not while a retry is scheduled (no loop when the server is out of reach)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget()); // where startSyncTriggers listens for online / offline
    const unreachable: SyncOutcome = { kind: 'retry', problem: { code: 'network' } };
    const start = Promise.resolve(unreachable);
    syncNow.mockReturnValueOnce(start);
    const stop = triggers.startSyncTriggers();
    await start; // the start-up sync failed: a retry is scheduled and the tag registered
    expect(registerBackgroundSync).toHaveBeenCalledTimes(1);

    onSyncMessage?.(); // the browser fired the tag at once (it sees a network)
    expect(syncNow).toHaveBeenCalledTimes(1);

    const retried = Promise.resolve<SyncOutcome>({ kind: 'done' });
    syncNow.mockReturnValueOnce(retried);
    await vi.advanceTimersByTimeAsync(1_000); // the backoff's first retry (within 1 s), which succeeds
    await retried;
    expect(syncNow).toHaveBeenCalledTimes(2);

    syncNow.mockResolvedValueOnce({ kind: 'done' });
    onSyncMessage?.(); // nothing scheduled any more: the message syncs at once
    expect(syncNow).toHaveBeenCalledTimes(3);
    stop();
  });
});
