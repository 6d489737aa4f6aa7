/**
 * One refresh at a time across every tab and the service worker. A refresh token is used once:
 * two contexts refreshing together would each present it, and all but the first would have to
 * rely on the server's short retry grace. The holder re-reads the stored tokens first, since
 * another context may have refreshed while it waited.
 */
export const REFRESH_LOCK_NAME = 'opentill-refresh';

/** The part of the Web Locks API used here (`navigator.locks`; a fake in tests). */
export interface RefreshLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Where the browser has no Web Locks (Safari before 15.4; Node in tests): refreshes of this
 * context queue behind each other. Its own queue, never the sync lock's: a sync cycle holding
 * that lock waits for a refresh.
 */
let lastInThisContext: Promise<unknown> = Promise.resolve();
const locksInThisContext: RefreshLocks = {
  request(_name, callback) {
    const run = lastInThisContext.then(callback);
    lastInThisContext = run.catch(() => undefined);
    return run;
  },
};

function browserLocks(): RefreshLocks | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : undefined;
}

export function withRefreshLock<T>(callback: () => Promise<T>): Promise<T> {
  return (browserLocks() ?? locksInThisContext).request(REFRESH_LOCK_NAME, () => callback());
}
