import type { TokenClock } from '../db/syncStore';

/** Refresh this long before the access token ends (or at half its life, if that is sooner). */
export const REFRESH_MARGIN_MS = 60_000;
/** The Date header counts whole seconds: take that much off the lifetime, to be safe. */
const DATE_HEADER_SLACK_MS = 1_000;

/**
 * When to refresh a token that just came, and when it ends, on this phone's clock. Its lifetime
 * is measured on the server's clock (`tokenExpiresAt` against the answer's Date header), so a
 * phone set hours wrong still refreshes on time. Without a Date header the phone's clock is used.
 */
export function tokenClockOf(tokenExpiresAt: string, serverDate: string | null, receivedAtMs: number): TokenClock {
  const serverNow = serverDate ? Date.parse(serverDate) : Number.NaN;
  const issuedAt = Number.isNaN(serverNow) ? receivedAtMs : serverNow;
  const lifetime = Math.max(0, Date.parse(tokenExpiresAt) - issuedAt - DATE_HEADER_SLACK_MS);
  const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 2);
  return { refreshAtMs: receivedAtMs + lifetime - margin, expiresAtMs: receivedAtMs + lifetime };
}

/** The clock of a token from this answer (sign-in, registration, refresh). */
export function tokenClockOfResponse(response: Response, tokenExpiresAt: string): TokenClock {
  return tokenClockOf(tokenExpiresAt, response.headers.get('date'), Date.now());
}

interface ClockedToken {
  tokenExpiresAt: string;
  tokenClock: TokenClock | undefined;
}

/** Whether it is time to refresh (a token stored without a clock: a minute before it ends, by this phone's clock). */
export function isDueForRefresh(stored: ClockedToken, nowMs: number): boolean {
  const refreshAt = stored.tokenClock?.refreshAtMs ?? Date.parse(stored.tokenExpiresAt) - REFRESH_MARGIN_MS;
  return nowMs >= refreshAt;
}

/** Whether the token should still be accepted: used when a refresh cannot happen now. */
export function isStillValid(stored: ClockedToken, nowMs: number): boolean {
  return nowMs < (stored.tokenClock?.expiresAtMs ?? Date.parse(stored.tokenExpiresAt));
}
