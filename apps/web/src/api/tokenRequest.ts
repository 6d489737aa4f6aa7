import { RATE_LIMITED_MESSAGE, SESSION_INVALID_MESSAGE } from '@opentill/domain';
import { authorizedFetch } from '../tokens/authorizedFetch';
import type { TokenFailure } from '../tokens/accessToken';
import { readServerError, type FieldDetail } from './serverError';

/**
 * A request with this device's access token (refreshed when due, src/tokens/) to the online-only
 * routes (staff, devices, sessions, audit). Never queued: these change who may use the shop, so
 * the owner sees the answer at once.
 */
export type ApiFailure =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'server'; code: string; message: string; details: FieldDetail[] }
  | { kind: 'unexpected' };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

/** The answer's JSON (null for an empty 204), or the failure in a form the screens can word. */
export async function tokenRequest(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<ApiResult<unknown>> {
  if (!navigator.onLine) return { ok: false, failure: { kind: 'offline' } };
  let response: Response;
  try {
    const sent = await authorizedFetch((token) =>
      fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      }),
    );
    if (!sent.ok) return { ok: false, failure: failureWithoutToken(sent.failure) };
    response = sent.response;
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: json };
  const error = readServerError(json);
  if (!error) return { ok: false, failure: { kind: 'unexpected' } };
  if (response.status === 403) return { ok: false, failure: { kind: 'forbidden', message: error.message } };
  return { ok: false, failure: { kind: 'server', ...error } };
}

/** No token to send: in the words the screens already have for a failed request. */
function failureWithoutToken(failure: TokenFailure): ApiFailure {
  switch (failure) {
    case 'offline':
      return { kind: 'offline' };
    case 'unreachable':
      return { kind: 'unreachable' };
    case 'ended':
      return serverFailure('OT_ERR_SESSION_INVALID');
    case 'rate-limited':
      return serverFailure('OT_ERR_RATE_LIMITED');
    case 'no-session':
    case 'server':
      return { kind: 'unexpected' };
  }
}

const MESSAGES = { OT_ERR_SESSION_INVALID: SESSION_INVALID_MESSAGE, OT_ERR_RATE_LIMITED: RATE_LIMITED_MESSAGE };

function serverFailure(code: keyof typeof MESSAGES): ApiFailure {
  return { kind: 'server', code, message: MESSAGES[code], details: [] };
}
