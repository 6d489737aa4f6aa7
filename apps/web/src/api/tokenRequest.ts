import { getSession } from '../db';
import { readServerError, type FieldDetail } from './serverError';

/**
 * A request with this device's token to the owner's online-only routes (staff, devices).
 * Never queued: these change who may use the shop, so the owner sees the answer at once.
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
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
): Promise<ApiResult<unknown>> {
  if (!navigator.onLine) return { ok: false, failure: { kind: 'offline' } };
  const session = await getSession();
  if (!session) return { ok: false, failure: { kind: 'unexpected' } };
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${session.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    });
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
