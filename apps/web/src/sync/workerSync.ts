import { SYNC_REQUEST_MESSAGE } from './swMessages';
import type { SyncOutcome } from './syncCycle';

/** A window the service worker can message (a WindowClient; a fake in tests). */
export interface MessageableWindow {
  postMessage(message: unknown): void;
}

export interface OutboxSyncContext {
  /** The app's open windows, controlled by this worker or not. */
  openWindows(): Promise<readonly MessageableWindow[]>;
  /** One sync cycle run by the worker itself (runSyncCycle). */
  syncHere(): Promise<SyncOutcome>;
}

export type OutboxSyncAnswer = 'told-windows' | 'synced-here';

/**
 * A cycle worth running again later without anyone acting: no network, a server fault, or
 * operations the server wants after earlier ones. `blocked` waits for the user (sign in,
 * update), `no-session` has nothing to send and `signed-out` waits for a sign-in, so retrying those would not help sooner;
 * `removed` wiped the phone (the cycle did it here as in a page; the next page load shows
 * the welcome screen with its notice).
 */
export function needsAnotherTry(outcome: SyncOutcome): boolean {
  return outcome.kind === 'retry' || (outcome.kind === 'skipped' && outcome.reason === 'offline');
}

/**
 * The service worker's answer to the Background Sync event. With a window open, that
 * window syncs (it owns the badge and the backoff): every window is told to. With none,
 * the worker runs the cycle itself, so a till closed while offline still delivers its
 * sales when the link is back. Rejects when that cycle must be tried again: a rejected
 * `waitUntil` is how Background Sync is asked to fire the event again later. The queue
 * is never touched on failure beyond counting the attempt.
 */
export async function answerOutboxSync(context: OutboxSyncContext): Promise<OutboxSyncAnswer> {
  const windows = await context.openWindows();
  if (windows.length > 0) {
    for (const client of windows) client.postMessage(SYNC_REQUEST_MESSAGE);
    return 'told-windows';
  }
  const outcome = await context.syncHere();
  if (needsAnotherTry(outcome)) {
    const reason = outcome.kind === 'retry' ? outcome.problem.code : 'offline';
    throw new Error(`Outbox sync from the service worker did not finish (${reason}); the browser will retry.`);
  }
  return 'synced-here';
}
