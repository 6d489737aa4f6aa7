import { create } from 'zustand';

/** What the header badge shows (and `data-state` on it). */
export type SyncBadgeState = 'offline' | 'syncing' | 'online' | 'idle';

/**
 * A failed sync, by kind: `network` (no answer), `server` (a 5xx or an answer
 * that does not parse), `refused` (the server wants earlier operations first),
 * or the API error code (e.g. OT_ERR_UNAUTHENTICATED, OT_ERR_PROTOCOL_UNSUPPORTED).
 * `message` is the server's own words, shown when the app has none better.
 */
export interface SyncProblem {
  code: string;
  message?: string;
}

export interface SyncStatus {
  /** The browser says it has a network. */
  online: boolean;
  /** The last attempt reached the server (false after a network failure). */
  reachable: boolean;
  syncing: boolean;
  /** Operations waiting to be accepted by the server (rejected ones excluded). */
  unsynced: number;
  /** Why the last sync failed (the UI words it); null after a success. */
  lastError: SyncProblem | null;
  lastSyncedAt: string | null;
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export const useSyncStatus = create<SyncStatus>(() => ({
  online: browserOnline(),
  reachable: true,
  syncing: false,
  unsynced: 0,
  lastError: null,
  lastSyncedAt: null,
}));

export function isBrowserOnline(): boolean {
  return browserOnline();
}

/**
 * offline: no network, or the server could not be reached.
 * syncing: a request is in flight.
 * online: connected, with operations still waiting (a retry is scheduled).
 * idle: connected and everything is synced.
 */
export function badgeState(status: SyncStatus): SyncBadgeState {
  if (!status.online || !status.reachable) return 'offline';
  if (status.syncing) return 'syncing';
  return status.unsynced > 0 ? 'online' : 'idle';
}
