import { describe, expect, it } from 'vitest';
import { SYNC_LOCK_NAME, locksInThisContext, withSyncLock, type SyncLocks } from './syncLock';

/** A promise with its resolve and reject exposed, to hold a cycle open. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('withSyncLock', () => {
  it('asks the Web Locks API for the opentill-sync lock', async () => {
    const names: string[] = [];
    const locks: SyncLocks = {
      request: (name, callback) => {
        names.push(name);
        return callback();
      },
    };
    expect(await withSyncLock(async () => 'synced', locks)).toBe('synced');
    expect(names).toEqual([SYNC_LOCK_NAME]);
  });

  it('without Web Locks, starts a second cycle only after the first has ended', async () => {
    const first = deferred();
    const started: string[] = [];
    const one = withSyncLock(async () => {
      started.push('first');
      await first.promise;
      started.push('first done');
    }, locksInThisContext);
    const two = withSyncLock(async () => {
      started.push('second');
    }, locksInThisContext);

    await tick();
    expect(started).toEqual(['first']);
    first.resolve();
    await Promise.all([one, two]);
    expect(started).toEqual(['first', 'first done', 'second']);
  });

  it('does not let a failed cycle block the next one', async () => {
    const failing = withSyncLock(async () => {
      throw new Error('no network');
    }, locksInThisContext);
    await expect(failing).rejects.toThrow('no network');
    expect(await withSyncLock(async () => 'next', locksInThisContext)).toBe('next');
  });
});
