/**
 * One sync cycle at a time across every tab and the service worker. Two cycles on the
 * same queue would send the same batch twice and could apply their answers out of
 * order (an older cursor after a newer one); the server would still apply each
 * operation once (SY2), but nothing is gained by racing it.
 */
export const SYNC_LOCK_NAME = 'opentill-sync';

/** The part of the Web Locks API used here (`navigator.locks`; a fake in tests). */
export interface SyncLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Where the browser has no Web Locks (Safari before 15.4; Node in tests): cycles of
 * this context queue behind each other. Another tab is not excluded there.
 */
let lastInThisContext: Promise<unknown> = Promise.resolve();
export const locksInThisContext: SyncLocks = {
  request(_name, callback) {
    const run = lastInThisContext.then(callback);
    lastInThisContext = run.catch(() => undefined); // a failed cycle must not block the next
    return run;
  },
};

function browserLocks(): SyncLocks | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/** Runs `cycle` while holding the `opentill-sync` lock, waiting for any cycle that holds it. */
export function withSyncLock<T>(
  cycle: () => Promise<T>,
  locks: SyncLocks = browserLocks() ?? locksInThisContext,
): Promise<T> {
  return locks.request(SYNC_LOCK_NAME, () => cycle());
}
