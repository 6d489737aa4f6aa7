import { MAX_OPERATIONS_PER_PUSH, PROTOCOL_VERSION, syncResponseSchema, type SyncRequest } from '@opentill/domain';
import { applySyncResult, getCursor, getSession, pendingOperations, recordFailedAttempt } from '../db';
import { MAX_PUSH_BYTES, takeBatch } from './batch';
import { encodeJsonBody, utf8Length } from './compression';
import { isBrowserOnline, useSyncStatus, type SyncProblem } from './syncStatus';

const SYNC_URL = '/api/v1/sync';
/** Bounds one run: 20 rounds move 1,000 operations or 10,000 pulled products. */
export const MAX_ROUNDS = 20;

/**
 * How a run ended. `retry` asks the caller to try again after a backoff
 * (network down, server error, refused operations); `blocked` needs the user
 * (sign in again, update the app) and is retried only by the periodic timer.
 */
export type SyncOutcome =
  | { kind: 'done' }
  | { kind: 'skipped'; reason: 'no-session' | 'offline' }
  | { kind: 'retry'; problem: SyncProblem }
  | { kind: 'blocked'; problem: SyncProblem };

/** Statuses that mean "the user must act"; retrying on a timer would not help sooner. */
const BLOCKING_STATUSES = new Set([401, 403, 426]);

let running: Promise<SyncOutcome> | null = null;
let runAgain = false;

/**
 * Pushes pending operations and pulls changes until both are exhausted. Only one
 * run at a time: a call during a run returns that run's promise, and the run goes
 * once more at the end so a sale recorded meanwhile is not left for the timer.
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
  const session = await getSession();
  if (!session) return { kind: 'skipped', reason: 'no-session' };
  if (!isBrowserOnline()) {
    useSyncStatus.setState({ online: false });
    return { kind: 'skipped', reason: 'offline' };
  }

  useSyncStatus.setState({ online: true, syncing: true });
  try {
    const outcome = await pushAndPull(session.token, session.device.id);
    useSyncStatus.setState(
      outcome.kind === 'done'
        ? { reachable: true, lastError: null, lastSyncedAt: new Date().toISOString() }
        : outcome.kind === 'retry' || outcome.kind === 'blocked'
          ? { reachable: outcome.problem.code !== 'network', lastError: outcome.problem }
          : {},
    );
    return outcome;
  } finally {
    useSyncStatus.setState({ syncing: false });
  }
}

async function pushAndPull(token: string, deviceId: string): Promise<SyncOutcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Lane by lane (critical first), at most 50 operations and 256 KiB of JSON.
    const queued = await pendingOperations(MAX_OPERATIONS_PER_PUSH);
    const envelope: SyncRequest = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      lastSyncTimestamp: null,
      cursor: await getCursor(),
      pendingOperations: [],
    };
    const operations = takeBatch(queued, utf8Length(JSON.stringify(envelope)), MAX_PUSH_BYTES);
    const request: SyncRequest = { ...envelope, pendingOperations: operations };
    const sentOpIds = operations.map((operation) => operation.opId);

    let response: Response;
    try {
      const { body, contentEncoding } = await encodeJsonBody(JSON.stringify(request));
      response = await fetch(SYNC_URL, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          ...(contentEncoding ? { 'Content-Encoding': contentEncoding } : {}),
        },
        body,
      });
    } catch {
      // No answer: the operations may or may not have arrived. Resending them
      // unchanged (same opId and seq) is safe: the server applies each once.
      await recordFailedAttempt(sentOpIds, { code: 'network', message: 'No answer from the server.' });
      return { kind: 'retry', problem: { code: 'network' } };
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      await recordFailedAttempt(sentOpIds, { code: problem.code, message: problem.message ?? '' });
      return BLOCKING_STATUSES.has(response.status) ? { kind: 'blocked', problem } : { kind: 'retry', problem };
    }

    const parsed = syncResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return { kind: 'retry', problem: { code: 'server' } };
    const answer = parsed.data;

    const applied = await applySyncResult({
      deviceId,
      acknowledgments: answer.acknowledgments,
      conflicts: answer.conflicts,
      page: answer.serverChanges,
      cursor: answer.cursor,
    });
    // Signed out (or signed in as another device) while the request was on its way.
    if (!applied) return { kind: 'skipped', reason: 'no-session' };

    const refused = answer.acknowledgments.filter((ack) => ack.status === 'refused');
    if (refused.length > 0) {
      // The server wants earlier operations first; sending the same batch again at
      // once would only be refused again, so back off (nothing is dropped).
      return { kind: 'retry', problem: { code: 'refused', message: refused[0]?.error?.message ?? '' } };
    }
    const morePending = operations.length < queued.length || queued.length === MAX_OPERATIONS_PER_PUSH;
    if (!answer.hasMore && !morePending) return { kind: 'done' };
  }
  // Still more to do after MAX_ROUNDS: finish on the next trigger rather than hog the link.
  return { kind: 'done' };
}

/** Reads the API's error body ({ error: { code, message } }); anything else is a server fault. */
async function readProblem(response: Response): Promise<SyncProblem> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error = (body as { error: { code?: unknown; message?: unknown } }).error;
      if (typeof error.code === 'string') {
        return { code: error.code, ...(typeof error.message === 'string' ? { message: error.message } : {}) };
      }
    }
  } catch {
    // not JSON: fall through
  }
  return { code: response.status >= 500 ? 'server' : `http-${response.status}` };
}
