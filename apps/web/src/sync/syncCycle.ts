import {
  RATE_LIMITED_MESSAGE,
  MAX_OPERATIONS_PER_PUSH,
  PROTOCOL_VERSION,
  syncResponseSchema,
  type SyncRequest,
  type SyncResponse,
} from '@opentill/domain';
import {
  applySyncResult,
  forgetRemovedDevice,
  getCursor,
  getSession,
  pendingOperations,
  recordFailedAttempt,
} from '../db/syncStore';
import { applyInOneTransaction } from '../db/pull';
import { validAccessToken, type TokenFailure } from '../tokens/accessToken';
import { authorizedFetch } from '../tokens/authorizedFetch';
import { MAX_PUSH_BYTES, takeBatch } from './batch';
import { encodeJsonBody, utf8Length } from './compression';
import { isBrowserOnline } from './online';
import { refreshRosterIfDue } from './roster';
import { withSyncLock } from './syncLock';

/*
 * The one implementation of a sync cycle, run by the page (syncClient.ts) and by the
 * service worker when no window is open (src/sw.ts). It uses IndexedDB, fetch and
 * navigator only (no window, DOM or UI state), so it runs in both.
 */

const SYNC_URL = '/api/v1/sync';
/** Bounds one run: 20 rounds move 1,000 operations or 10,000 pulled products. */
export const MAX_ROUNDS = 20;
/**
 * Pages of a pull that pushes nothing are held and committed together once they bring this many
 * records (products, figures, batches, ...), or the pull ends: after each commit the screens read
 * every product and figure again, which, a page at a time, took most of a first pull's time. The
 * next pages are asked for while a commit runs (`commitPullingAhead`). Bounded, so one commit keeps
 * a sale waiting for a moment only.
 */
export const APPLY_EVERY_RECORDS = 5000;

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

/**
 * How a run ended. `retry` asks the caller to try again after a backoff
 * (network down, server error, refused operations); `blocked` needs the user
 * (sign in again, update the app) and is retried only by the periodic timer.
 * `removed`: the owner removed this device; everything it held reached the server
 * and the phone's data is wiped (nothing more to sync until someone signs in).
 * Skipped `signed-out`: the session is over (a refresh was refused for good); the queue
 * stays and waits for someone to sign in again as this device.
 */
export type SyncOutcome =
  /** `more`: MAX_ROUNDS ran out with pages still to pull; the caller runs another cycle. */
  | { kind: 'done'; more?: true }
  | { kind: 'removed' }
  | { kind: 'skipped'; reason: 'no-session' | 'offline' | 'signed-out' }
  | { kind: 'retry'; problem: SyncProblem }
  | { kind: 'blocked'; problem: SyncProblem };

export interface SyncCycleHooks {
  /** Called once the cycle holds the lock, has a session and is about to reach the server. */
  onStart?: () => void;
  /** Fetch the staff roster even when it is fresh (after a poke, or a change on the Staff screen). */
  refreshRoster?: boolean;
  /**
   * Called when the pull turns out long (its pages are held and committed APPLY_EVERY_RECORDS at a
   * time), before the first such commit: the page holds its big live reads until its run ends.
   */
  onLongPull?: () => void;
  /** Called with the number of records each answer brought. */
  onPulled?: (records: number) => void;
}

/** Statuses that mean "the user must act"; retrying on a timer would not help sooner. */
const BLOCKING_STATUSES = new Set([401, 403, 426]);

/**
 * Pushes pending operations and pulls changes until both are exhausted, holding the
 * `opentill-sync` lock so that no other tab, nor the worker, syncs meanwhile. After a
 * complete run it refreshes the staff roster when due (roster.ts); the roster's fate
 * never changes the outcome: the queue is what the badge and the retries are about.
 */
export function runSyncCycle(hooks: SyncCycleHooks = {}): Promise<SyncOutcome> {
  const { onStart, refreshRoster = false } = hooks;
  return withSyncLock(async () => {
    const session = await getSession();
    if (!session) return { kind: 'skipped', reason: 'no-session' };
    if (!isBrowserOnline()) return { kind: 'skipped', reason: 'offline' };
    // A token before anything else: a session that is over stops here, touching nothing.
    const access = await validAccessToken();
    if (!access.ok) return outcomeWithoutToken(access.failure);
    onStart?.();
    const outcome = await pushAndPull(session.device.id, hooks);
    if (outcome.kind === 'done') await refreshRosterIfDue(session.device.id, { force: refreshRoster });
    return outcome;
  });
}

/** No token to send: nothing was sent, so no attempt is counted against the queue. */
function outcomeWithoutToken(failure: TokenFailure): SyncOutcome {
  switch (failure) {
    case 'no-session':
      return { kind: 'skipped', reason: 'no-session' };
    case 'ended':
      return { kind: 'skipped', reason: 'signed-out' };
    case 'offline':
      return { kind: 'skipped', reason: 'offline' };
    case 'unreachable':
      return { kind: 'retry', problem: { code: 'network' } };
    case 'rate-limited':
      return {
        kind: 'retry',
        problem: { code: 'OT_ERR_RATE_LIMITED', message: RATE_LIMITED_MESSAGE },
      };
    case 'server':
      return { kind: 'retry', problem: { code: 'server' } };
  }
}

type SyncResult = Parameters<typeof applySyncResult>[0];
type EncodedBody = Awaited<ReturnType<typeof encodeJsonBody>>;

/** The records an answer brings (the `serverChanges` arrays' lengths). */
const recordsIn = (changes: SyncResponse['serverChanges']) =>
  Object.values(changes).reduce((records, list) => records + (Array.isArray(list) ? list.length : 0), 0);

/** POSTs an encoded sync request with `token`. */
function post({ body, contentEncoding }: EncodedBody, token: string): Promise<Response> {
  return fetch(SYNC_URL, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...(contentEncoding ? { 'Content-Encoding': contentEncoding } : {}),
    },
    body,
  });
}

const pullRequest = (deviceId: string, cursor: string | null): SyncRequest => ({
  protocolVersion: PROTOCOL_VERSION,
  deviceId,
  lastSyncTimestamp: null,
  cursor,
  pendingOperations: [],
});

/**
 * A pull that pushes nothing, sent with `token` as it is (no IndexedDB read: see `commitPullingAhead`).
 * Null for anything but a page to hold (no answer, a refusal, an answer that does not parse, a
 * removed device): such a pull changed nothing on the server, so the usual round asks again.
 */
async function pullAhead(deviceId: string, cursor: string, token: string): Promise<SyncResponse | null> {
  try {
    const response = await post(await encodeJsonBody(JSON.stringify(pullRequest(deviceId, cursor))), token);
    if (!response.ok) return null;
    const parsed = syncResponseSchema.safeParse(await response.json());
    const answer = parsed.success ? parsed.data : null;
    return answer && answer.deviceRevoked !== true && answer.acknowledgments.length === 0 ? answer : null;
  } catch {
    return null;
  }
}

async function pushAndPull(
  deviceId: string,
  { onLongPull, onPulled }: Pick<SyncCycleHooks, 'onLongPull' | 'onPulled'>,
): Promise<SyncOutcome> {
  /** Answers to pulls that pushed nothing, received but not yet applied, in order; their records. */
  const held: SyncResult[] = [];
  let heldRecords = 0;
  const hold = (answer: SyncResponse) => {
    held.push({
      deviceId,
      acknowledgments: answer.acknowledgments,
      conflicts: answer.conflicts,
      // BR3: a till moved to another branch drops the old branch's stock with this page.
      page: { ...answer.serverChanges, stockReset: answer.stockReset },
      cursor: answer.cursor,
      shop: answer.shop,
      receiptPrefix: answer.device?.receiptPrefix,
    });
    const records = recordsIn(answer.serverChanges);
    heldRecords += records;
    onPulled?.(records);
  };
  /** Applies the held answers in one transaction; false: signed out meanwhile (nothing more to do). */
  const applyHeld = async (): Promise<boolean> => {
    heldRecords = 0;
    return held.length === 0 || applyInOneTransaction(held.splice(0), applySyncResult);
  };
  // Every way out applies what is held first: those answers are good, and their cursor not yet stored.
  const leave = async (outcome: SyncOutcome): Promise<SyncOutcome> =>
    (await applyHeld()) ? outcome : { kind: 'skipped', reason: 'no-session' };
  let round = 0;
  /**
   * Commits the held pages and, while the commit runs, asks for the next ones (each a round): the
   * commit holds every table, so these requests read nothing from IndexedDB (the token just used,
   * no operations; one recorded meanwhile goes with the next usual round), and the link and the
   * server work beside the commit instead of after it. False: signed out meanwhile.
   */
  const commitPullingAhead = async (token: string, from: SyncResponse): Promise<boolean> => {
    onLongPull?.();
    const commit = applyHeld();
    let committed = false;
    void commit.then(
      () => (committed = true),
      () => (committed = true),
    );
    for (let last = from; !committed && last.hasMore && heldRecords < APPLY_EVERY_RECORDS && round < MAX_ROUNDS;) {
      const next = await pullAhead(deviceId, last.cursor, token);
      if (!next) break;
      round += 1;
      hold(next);
      last = next;
    }
    return commit;
  };

  while (round < MAX_ROUNDS) {
    round += 1;
    // Lane by lane (critical first), at most 50 operations and 256 KiB of JSON.
    const queued = await pendingOperations(MAX_OPERATIONS_PER_PUSH);
    // Operations are pushed from where the phone has applied to: a sale recorded meanwhile stops the holding.
    if (queued.length > 0 && !(await applyHeld())) return { kind: 'skipped', reason: 'no-session' };
    const envelope = pullRequest(deviceId, held.at(-1)?.cursor ?? (await getCursor()));
    const operations = takeBatch(queued, utf8Length(JSON.stringify(envelope)), MAX_PUSH_BYTES);
    const request: SyncRequest = { ...envelope, pendingOperations: operations };
    const sentOpIds = operations.map((operation) => operation.opId);

    let response: Response;
    let usedToken = '';
    try {
      const encoded = await encodeJsonBody(JSON.stringify(request));
      const sent = await authorizedFetch((token) => {
        usedToken = token;
        return post(encoded, token);
      });
      if (!sent.ok) return leave(outcomeWithoutToken(sent.failure));
      response = sent.response;
    } catch {
      // No answer: the operations may or may not have arrived. Resending them
      // unchanged (same opId and seq) is safe: the server applies each once.
      await recordFailedAttempt(sentOpIds, { code: 'network', message: 'No answer from the server.' });
      return leave({ kind: 'retry', problem: { code: 'network' } });
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      await recordFailedAttempt(sentOpIds, { code: problem.code, message: problem.message ?? '' });
      return leave(BLOCKING_STATUSES.has(response.status) ? { kind: 'blocked', problem } : { kind: 'retry', problem });
    }

    const parsed = syncResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return leave({ kind: 'retry', problem: { code: 'server' } });
    const answer = parsed.data;

    hold(answer);
    // A pull that pushed nothing, with more to come: held until enough records wait (acknowledgments,
    // a revoked device and the last page are applied at once).
    const pullOnly = operations.length === 0 && answer.acknowledgments.length === 0 && answer.deviceRevoked !== true;
    if (pullOnly && answer.hasMore) {
      if (heldRecords >= APPLY_EVERY_RECORDS && !(await commitPullingAhead(usedToken, answer))) {
        return { kind: 'skipped', reason: 'no-session' };
      }
      continue;
    }
    // Signed out (or signed in as another device) while the request was on its way.
    if (!(await applyHeld())) return { kind: 'skipped', reason: 'no-session' };
    // The owner removed this device: the server took what was pushed and pulls nothing.
    // Once nothing is left to send, forget everything here as sign-out does.
    const revoked = answer.deviceRevoked === true;
    if (revoked) {
      const forgotten = await forgetRemovedDevice(deviceId);
      if (forgotten === 'wiped') return { kind: 'removed' };
      if (forgotten === 'not-signed-in') return { kind: 'skipped', reason: 'no-session' };
    }

    const refused = answer.acknowledgments.filter((ack) => ack.status === 'refused');
    if (refused.length > 0) {
      // The server wants earlier operations first; sending the same batch again at
      // once would only be refused again, so back off (nothing is dropped).
      return { kind: 'retry', problem: { code: 'refused', message: refused[0]?.error?.message ?? '' } };
    }
    // A removed device with operations still queued (one recorded meanwhile, or beyond this
    // batch) goes round again: its sales must reach the shop before the wipe.
    const morePending = revoked || operations.length < queued.length || queued.length === MAX_OPERATIONS_PER_PUSH;
    if (!answer.hasMore && !morePending) return { kind: 'done' };
  }
  // Still more after MAX_ROUNDS: release the lock (another tab or the worker may need it) and go again.
  return leave({ kind: 'done', more: true });
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
