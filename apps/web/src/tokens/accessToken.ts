import { endStoredSession, getStoredTokens, saveRefreshedTokens, type StoredTokens } from '../db/syncStore';
import { isBrowserOnline } from '../sync/online';
import { withRefreshLock } from './refreshLock';
import { requestRefresh } from './refreshRequest';
import { isDueForRefresh, isStillValid } from './tokenClock';

/*
 * The one way to get the access token to send (SPEC ID17): every request with the device's
 * token asks here, in a page or in the service worker. Access tokens live minutes; the refresh
 * token they come with is used once, signed by this phone's key.
 */

/**
 * Why there is no token to send. `ended`: the server refused the refresh for good, the session
 * is over until someone signs in again. `offline`: no refresh is tried without a network.
 * `unreachable`, `rate-limited`, `server`: try again later; nothing was lost.
 */
export type TokenFailure = 'no-session' | 'ended' | 'offline' | 'unreachable' | 'rate-limited' | 'server';

export type AccessToken = { ok: true; token: string } | { ok: false; failure: TokenFailure };

const token = (value: string): AccessToken => ({ ok: true, token: value });
const failed = (failure: TokenFailure): AccessToken => ({ ok: false, failure });

/**
 * The stored access token while it is not yet due for refresh (a minute before it ends),
 * otherwise a refreshed one. Offline, or when the refresh cannot happen now, a token that has
 * not ended yet is still given: the server may well accept it.
 */
export async function validAccessToken(): Promise<AccessToken> {
  const stored = await getStoredTokens();
  if (!stored) return failed('no-session');
  if (stored.endedAt) return failed('ended');
  if (!isDueForRefresh(stored, Date.now())) return token(stored.token);
  return refreshed({ needed: (current) => isDueForRefresh(current, Date.now()), fallBackToValid: true });
}

/**
 * A new token after the server refused `rejected` (401 OT_ERR_UNAUTHENTICATED: e.g. this
 * phone's clock ran slow): refreshed, unless another tab or the worker did so meanwhile.
 */
export async function accessTokenAfterRejection(rejected: string): Promise<AccessToken> {
  return refreshed({ needed: (current) => current.token === rejected, fallBackToValid: false });
}

interface RefreshPlan {
  /** Asked again inside the lock, of the tokens stored then. */
  needed: (current: StoredTokens) => boolean;
  /** Whether a token that has not ended may stand in when the refresh fails. */
  fallBackToValid: boolean;
}

async function refreshed({ needed, fallBackToValid }: RefreshPlan): Promise<AccessToken> {
  // Offline: never try (and never end anything); the queue waits for the network.
  if (!isBrowserOnline()) return orStillValid(await getStoredTokens(), 'offline', fallBackToValid);
  return withRefreshLock(async () => {
    const current = await getStoredTokens();
    if (!current) return failed('no-session');
    if (current.endedAt) return failed('ended');
    if (!needed(current)) return token(current.token); // refreshed by another tab meanwhile
    const answer = await requestRefresh(current);
    switch (answer.kind) {
      case 'refreshed':
        if (await saveRefreshedTokens(current.refreshToken, answer.tokens, answer.clock)) {
          return token(answer.tokens.token);
        }
        return storedNow(); // signed out or signed in again while the answer was on its way
      case 'ended':
        if (await endStoredSession(current.refreshToken)) return failed('ended');
        return storedNow();
      default:
        return orStillValid(current, answer.kind, fallBackToValid);
    }
  });
}

function orStillValid(stored: StoredTokens | null, failure: TokenFailure, fallBackToValid: boolean): AccessToken {
  if (!stored) return failed('no-session');
  if (stored.endedAt) return failed('ended');
  return fallBackToValid && isStillValid(stored, Date.now()) ? token(stored.token) : failed(failure);
}

async function storedNow(): Promise<AccessToken> {
  const stored = await getStoredTokens();
  if (!stored) return failed('no-session');
  return stored.endedAt ? failed('ended') : token(stored.token);
}
