import { sessionTokensSchema, type SessionTokens } from '@opentill/domain';
import { readServerError } from '../api/serverError';
import type { StoredTokens, TokenClock } from '../db/syncStore';
import { signNonce } from './deviceKey';
import { tokenClockOfResponse } from './tokenClock';

export const REFRESH_URL = '/api/v1/auth/refresh';

/**
 * How a refresh went. `ended`: the server refused the refresh token for good (401
 * OT_ERR_SESSION_INVALID: revoked, reused, expired, device removed, person disabled).
 * `rate-limited`: too many attempts from here (429), try later. `unreachable`: no answer,
 * so the same refresh may be retried (the server answers a retry within 60 s with the same
 * successor). `server`: a fault or an answer this app cannot read.
 */
export type RefreshAnswer =
  | { kind: 'refreshed'; tokens: SessionTokens; clock: TokenClock }
  | { kind: 'ended' }
  | { kind: 'rate-limited' }
  | { kind: 'unreachable' }
  | { kind: 'server' };

/** Presents the stored refresh token, signed by this phone's key when it has one. */
export async function requestRefresh(stored: StoredTokens): Promise<RefreshAnswer> {
  const privateKey = stored.deviceKey?.privateKey;
  const signature = privateKey ? await signNonce(privateKey, stored.refreshNonce) : undefined;
  let response: Response;
  try {
    response = await fetch(REFRESH_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: stored.refreshToken, ...(signature ? { signature } : {}) }),
      cache: 'no-store',
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const tokens = sessionTokensSchema.safeParse(json);
    if (!tokens.success) return { kind: 'server' };
    return {
      kind: 'refreshed',
      tokens: tokens.data,
      clock: tokenClockOfResponse(response, tokens.data.tokenExpiresAt),
    };
  }
  if (response.status === 401 && readServerError(json)?.code === 'OT_ERR_SESSION_INVALID') return { kind: 'ended' };
  if (response.status === 429) return { kind: 'rate-limited' };
  return { kind: 'server' };
}
