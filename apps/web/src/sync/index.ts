/**
 * The only code that talks to the sync API (ARCH-5). Screens write locally
 * through src/db, then call requestSync(); they never wait for the network.
 */
export { syncNow } from './syncClient';
export type { SyncOutcome, SyncProblem } from './syncCycle';
export { requestRosterRefresh, requestSync, startSyncTriggers } from './triggers';
export { useSyncStatus, badgeState, type SyncBadgeState, type SyncStatus } from './syncStatus';
