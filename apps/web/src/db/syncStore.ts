/**
 * What a sync cycle reads and writes: the session and its tokens (refreshed by src/tokens/),
 * the queue, the pull cursor, applying the server's answer, the staff roster, and the wipe of a
 * device the owner removed. Unlike the index it loads no React (the live-query hooks), so the
 * service worker can import it (src/sync/syncCycle.ts).
 */
export { getSession } from './session';
export { getStoredTokens, saveRefreshedTokens, endStoredSession, type StoredTokens } from './sessionTokens';
export type { TokenClock } from './database';
export { getCursor } from './meta';
export { applySyncResult, pendingOperations, recordFailedAttempt } from './outbox';
export { forgetRemovedDevice } from './removedDevice';
export { getRosterFetchedAt, replaceRoster } from './staff';
