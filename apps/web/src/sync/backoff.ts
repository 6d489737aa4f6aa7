/** Longest wait between retries (ARCHITECTURE "Sync" 8): a flaky link is retried at least once a minute. */
export const MAX_BACKOFF_MS = 60_000;
const BASE_BACKOFF_MS = 1_000;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and
 * all of min(60 s, 1 s × 2ⁿ), so many phones coming back online together do not
 * hit the server in lockstep. Nothing is ever dropped; only the wait grows.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
