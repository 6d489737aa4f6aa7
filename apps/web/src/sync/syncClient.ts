import { holdLiveReads } from '../db/liveHold';
import { runSyncCycle, type SyncOutcome } from './syncCycle';
import { useSyncStatus, type SyncStatus } from './syncStatus';

/*
 * The page's side of syncing: runs the shared cycle (syncCycle.ts) and keeps the
 * status store behind the badge up to date. Exclusion against other tabs and the
 * service worker is the cycle's lock; here calls are only coalesced.
 */

/** Cycles one call runs while the server says it has more: 10 × MAX_ROUNDS pages, 100,000 records. */
export const MAX_CYCLES_PER_CALL = 10;

let running: Promise<SyncOutcome> | null = null;
/** Ends the hold a long pull put on the screens' big live reads; set from the first such pull to the run's end. */
let releaseLiveReads: (() => void) | null = null;
let runAgain = false;
/** The next complete run fetches the staff roster even if it is fresh. */
let rosterWanted = false;

/** Asks the next sync run to fetch the staff roster whatever its age; call syncNow or requestSync after. */
export function wantFreshRoster(): void {
  rosterWanted = true;
}

/**
 * Pushes pending operations and pulls changes until both are exhausted. A call during
 * a run returns that run's promise (requestSync() follows every write, so calls come
 * in bursts), and the run goes once more at the end so a sale recorded meanwhile is
 * not left for the timer; likewise while a cycle ends with pages still to pull (a
 * fresh phone's first pull of a large catalogue). `pulledRecords` in the status counts the records
 * the run has received so far (the grid shows it while a fresh phone has no products yet).
 */
export function syncNow(): Promise<SyncOutcome> {
  if (running) {
    runAgain = true;
    return running;
  }
  running = (async () => {
    try {
      let outcome: SyncOutcome;
      let cycles = 0;
      do {
        runAgain = false;
        outcome = await syncOnce();
        cycles += 1;
      } while (outcome.kind === 'done' && (runAgain || (outcome.more && cycles < MAX_CYCLES_PER_CALL)));
      return outcome;
    } finally {
      releaseLiveReads?.();
      releaseLiveReads = null;
      useSyncStatus.setState({ pulledRecords: null });
      running = null;
    }
  })();
  return running;
}

async function syncOnce(): Promise<SyncOutcome> {
  const refreshRoster = rosterWanted;
  rosterWanted = false;
  try {
    const outcome = await runSyncCycle({
      onStart: () => useSyncStatus.setState({ online: true, syncing: true }),
      refreshRoster,
      // A long pull's commits would each wake the screens' reads of every product, figure and batch,
      // which then hold up the next commit: held until the whole run ends, across its cycles.
      onLongPull: () => (releaseLiveReads ??= holdLiveReads()),
      onPulled: (records) =>
        useSyncStatus.setState((status) => ({ pulledRecords: (status.pulledRecords ?? 0) + records })),
    });
    // The roster is fetched only after a complete run: keep the wish for the next one.
    if (outcome.kind !== 'done' && refreshRoster) rosterWanted = true;
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
    case 'removed':
      // The phone now shows the welcome screen, with its own notice: no error to show.
      return { reachable: true, lastError: null, lastSyncedAt: null };
    case 'retry':
    case 'blocked':
      return { reachable: outcome.problem.code !== 'network', lastError: outcome.problem };
    case 'skipped':
      if (outcome.reason === 'offline') return { online: false };
      // The session is over: the "signed out" notice says so and what waits; no error to show twice.
      return outcome.reason === 'signed-out' ? { lastError: null } : {};
  }
}
