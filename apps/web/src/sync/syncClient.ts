import { runSyncCycle, type SyncOutcome } from './syncCycle';
import { useSyncStatus, type SyncStatus } from './syncStatus';

/*
 * The page's side of syncing: runs the shared cycle (syncCycle.ts) and keeps the
 * status store behind the badge up to date. Exclusion against other tabs and the
 * service worker is the cycle's lock; here calls are only coalesced.
 */

let running: Promise<SyncOutcome> | null = null;
let runAgain = false;

/**
 * Pushes pending operations and pulls changes until both are exhausted. A call during
 * a run returns that run's promise (requestSync() follows every write, so calls come
 * in bursts), and the run goes once more at the end so a sale recorded meanwhile is
 * not left for the timer.
 */
export function syncNow(): Promise<SyncOutcome> {
  if (running) {
    runAgain = true;
    return running;
  }
  running = (async () => {
    try {
      let outcome: SyncOutcome;
      do {
        runAgain = false;
        outcome = await syncOnce();
      } while (runAgain && outcome.kind === 'done');
      return outcome;
    } finally {
      running = null;
    }
  })();
  return running;
}

async function syncOnce(): Promise<SyncOutcome> {
  try {
    const outcome = await runSyncCycle({ onStart: () => useSyncStatus.setState({ online: true, syncing: true }) });
    useSyncStatus.setState(statusAfter(outcome));
    return outcome;
  } finally {
    useSyncStatus.setState({ syncing: false });
  }
}

function statusAfter(outcome: SyncOutcome): Partial<SyncStatus> {
  switch (outcome.kind) {
    case 'done':
      return { reachable: true, lastError: null, lastSyncedAt: new Date().toISOString() };
    case 'retry':
    case 'blocked':
      return { reachable: outcome.problem.code !== 'network', lastError: outcome.problem };
    case 'skipped':
      return outcome.reason === 'offline' ? { online: false } : {};
  }
}
