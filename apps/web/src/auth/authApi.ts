import { sessionSchema, type Session } from '@opentill/domain';

/**
 * Registration and sign-in are plain requests (only /api/v1/sync is reserved to
 * src/sync). They need the network: a device gets its token from the server.
 */
export type AuthFailure =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'server'; code: string; message: string; details: FieldDetail[] }
  | { kind: 'unexpected' };

export interface FieldDetail {
  path: string;
  message: string;
}

export type AuthResult = { ok: true; session: Session } | { ok: false; failure: AuthFailure };

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
    return session.success ? { ok: true, session: session.data } : { ok: false, failure: { kind: 'unexpected' } };
  }
  return { ok: false, failure: readServerError(json) };
}

function readServerError(json: unknown): AuthFailure {
  if (typeof json !== 'object' || json === null || !('error' in json)) return { kind: 'unexpected' };
  const error = (json as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return { kind: 'unexpected' };
  const details = Array.isArray(error.details)
    ? error.details.filter(
        (detail): detail is FieldDetail =>
          typeof detail === 'object' &&
          detail !== null &&
          typeof (detail as FieldDetail).path === 'string' &&
          typeof (detail as FieldDetail).message === 'string',
      )
    : [];
  return { kind: 'server', code: error.code, message: error.message, details };
}
