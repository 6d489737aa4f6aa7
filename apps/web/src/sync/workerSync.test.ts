import { describe, expect, it, vi } from 'vitest';
import { SYNC_REQUEST_MESSAGE } from './swMessages';
import type { SyncOutcome } from './syncCycle';
import { answerOutboxSync, needsAnotherTry, type MessageableWindow } from './workerSync';

function fakeWindow() {
  return { postMessage: vi.fn<MessageableWindow['postMessage']>() };
}

describe('answerOutboxSync (the service worker on the Background Sync event)', () => {
  it('with windows open, tells every one of them to sync and does not sync itself', async () => {
    const windows = [fakeWindow(), fakeWindow()];
    const syncHere = vi.fn(async (): Promise<SyncOutcome> => ({ kind: 'done' }));

    expect(await answerOutboxSync({ openWindows: async () => windows, syncHere })).toBe('told-windows');
    for (const client of windows) expect(client.postMessage).toHaveBeenCalledWith(SYNC_REQUEST_MESSAGE);
    expect(syncHere).not.toHaveBeenCalled();
  });

  it('with no window open, runs the sync cycle itself', async () => {
    const syncHere = vi.fn(async (): Promise<SyncOutcome> => ({ kind: 'done' }));
    expect(await answerOutboxSync({ openWindows: async () => [], syncHere })).toBe('synced-here');
    expect(syncHere).toHaveBeenCalledTimes(1);
  });

  it.each<SyncOutcome>([
    { kind: 'retry', problem: { code: 'network' } },
    { kind: 'retry', problem: { code: 'server' } },
    { kind: 'skipped', reason: 'offline' },
  ])('rejects, so the browser fires the event again later, when the cycle ends in %o', async (outcome) => {
    await expect(answerOutboxSync({ openWindows: async () => [], syncHere: async () => outcome })).rejects.toThrow(
      /will retry/,
    );
  });

  it.each<SyncOutcome>([
    { kind: 'done' },
    { kind: 'removed' },
    { kind: 'skipped', reason: 'no-session' },
    { kind: 'blocked', problem: { code: 'OT_ERR_UNAUTHENTICATED' } },
  ])('settles when another try would not help sooner: %o', async (outcome) => {
    expect(needsAnotherTry(outcome)).toBe(false);
    expect(await answerOutboxSync({ openWindows: async () => [], syncHere: async () => outcome })).toBe('synced-here');
  });
});
