import { watchUnsyncedCount } from '../db';
import { backoffDelay } from './backoff';
import { listenForSyncMessages, registerBackgroundSync } from './backgroundSync';
import { startPokes } from './pokes';
import { syncNow, wantFreshRoster } from './syncClient';
import type { SyncOutcome } from './syncCycle';
import { useSyncStatus } from './syncStatus';

/** The safety net: pull at least this often even when nothing pokes us. */
export const PERIODIC_SYNC_MS = 30_000;

let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Asks for a sync now, without waiting for it: call after every local write.
 * Failures schedule a retry with capped exponential backoff; success resets it.
 */
export function requestSync(): void {
  void syncNow().then(scheduleAfter, (error: unknown) => {
    console.error('Sync failed unexpectedly', error);
    scheduleRetry();
  });
}

/**
 * Asks for a sync that also fetches the staff roster: after a poke (the shop changed,
 * perhaps its staff) and after the owner changes staff on this phone.
 */
export function requestRosterRefresh(): void {
  wantFreshRoster();
  requestSync();
}

function scheduleAfter(outcome: SyncOutcome): void {
  // No network (the browser says so, or nothing answered): where the browser has Background
  // Sync it fires once the link is back, even if this till has been closed by then (src/sw.ts).
  if (waitsForNetwork(outcome)) registerBackgroundSync();
  if (outcome.kind === 'retry') {
    scheduleRetry();
    return;
  }
  failures = 0;
  clearTimeout(retryTimer);
  retryTimer = undefined;
}

function waitsForNetwork(outcome: SyncOutcome): boolean {
  return (
    (outcome.kind === 'retry' && outcome.problem.code === 'network') ||
    (outcome.kind === 'skipped' && outcome.reason === 'offline')
  );
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(requestSync, backoffDelay(failures));
  failures += 1;
}

/**
 * The service worker's "sync now". It does not jump the backoff: while a retry is scheduled,
 * that retry runs instead. Otherwise, with the browser online but the server out of reach,
 * each failed push would register the sync tag, which the browser fires at once, whose
 * message would push again: a loop as fast as the failures.
 */
function onBackgroundSyncMessage(): void {
  if (retryTimer === undefined) requestSync();
}

/**
 * Starts the sync triggers: at once (app start), when the browser comes back
 * online, on the server's pokes, on the service worker's Background Sync message,
 * and every 30 s. Returns a function that stops them all.
 */
export function startSyncTriggers(): () => void {
  const onOnline = () => {
    useSyncStatus.setState({ online: true });
    failures = 0; // a fresh link deserves a prompt try, not the old backoff
    requestSync();
  };
  const onOffline = () => useSyncStatus.setState({ online: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  const interval = setInterval(requestSync, PERIODIC_SYNC_MS);
  const stopWatching = watchUnsyncedCount((unsynced) => useSyncStatus.setState({ unsynced }));
  const stopPokes = startPokes({ onPoke: requestRosterRefresh });
  // The service worker's Background Sync event, relayed as a message (src/sw.ts).
  const stopSyncMessages = listenForSyncMessages(onBackgroundSyncMessage);
  requestSync();

  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    clearInterval(interval);
    clearTimeout(retryTimer);
    retryTimer = undefined;
    stopWatching();
    stopPokes();
    stopSyncMessages();
  };
}
