/**
 * What a sync cycle reads and writes: the session (its token), the queue, the pull
 * cursor, applying the server's answer, and the staff roster. Unlike the index it loads no React (the
 * live-query hooks), so the service worker can import it (src/sync/syncCycle.ts).
 */
export { getSession } from './session';
export { getCursor } from './meta';
export { applySyncResult, pendingOperations, recordFailedAttempt } from './outbox';
export { getRosterFetchedAt, replaceRoster } from './staff';
