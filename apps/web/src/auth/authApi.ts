import { sessionSchema, type Session } from '@opentill/domain';
import { readServerError, type FieldDetail } from '../api/serverError';
import type { TokenClock } from '../db';
import { tokenClockOfResponse } from '../tokens/tokenClock';

/**
 * Registration and sign-in are plain requests (only /api/v1/sync is reserved to
 * src/sync). They need the network: a device gets its token from the server.
 */
export type AuthFailure =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'server'; code: string; message: string; details: FieldDetail[] }
  | { kind: 'unexpected' };

export type AuthResult = { ok: true; session: Session; tokenClock: TokenClock } | { ok: false; failure: AuthFailure };

export const REGISTER_URL = '/api/v1/auth/register';
export const SIGN_IN_URL = '/api/v1/auth/sign-in';

export async function postAuth(url: string, body: unknown): Promise<AuthResult> {
  if (!navigator.onLine) return { ok: false, failure: { kind: 'offline' } };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const session = sessionSchema.safeParse(json);
    if (!session.success) return { ok: false, failure: { kind: 'unexpected' } };
    return { ok: true, session: session.data, tokenClock: tokenClockOfResponse(response, session.data.tokenExpiresAt) };
  }
  return { ok: false, failure: readFailure(json) };
}

function readFailure(json: unknown): AuthFailure {
  const error = readServerError(json);
  return error ? { kind: 'server', ...error } : { kind: 'unexpected' };
}
