import { create } from 'zustand';
import { isBrowserOnline } from './online';
import type { SyncProblem } from './syncCycle';

/** What the header badge shows (and `data-state` on it). */
export type SyncBadgeState = 'offline' | 'syncing' | 'online' | 'idle';

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
  /** Records received by the sync run going on (products, figures, batches, ...); null between runs. */
  pulledRecords: number | null;
}

export const useSyncStatus = create<SyncStatus>(() => ({
  online: isBrowserOnline(),
  reachable: true,
  syncing: false,
  unsynced: 0,
  lastError: null,
  lastSyncedAt: null,
  pulledRecords: null,
}));

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
