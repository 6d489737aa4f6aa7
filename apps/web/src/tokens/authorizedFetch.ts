import { readServerError } from '../api/serverError';
import { accessTokenAfterRejection, validAccessToken, type TokenFailure } from './accessToken';

export type AuthorizedResponse = { ok: true; response: Response } | { ok: false; failure: TokenFailure };

/**
 * Sends a request with the device's access token (`send` builds it around the token). If the
 * server answers 401 OT_ERR_UNAUTHENTICATED (the token ended sooner than this phone thought),
 * refreshes once and sends once more; a second refusal is the caller's answer. A request that
 * gets no answer throws, as fetch does. Used by the sync cycle, the poke stream, the roster and
 * the online-only screens alike.
 */
export async function authorizedFetch(send: (token: string) => Promise<Response>): Promise<AuthorizedResponse> {
  const access = await validAccessToken();
  if (!access.ok) return access;
  const response = await send(access.token);
  if (!(await isUnauthenticated(response))) return { ok: true, response };
  const again = await accessTokenAfterRejection(access.token);
  if (!again.ok) return again;
  return { ok: true, response: await send(again.token) };
}

async function isUnauthenticated(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const json: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return readServerError(json)?.code === 'OT_ERR_UNAUTHENTICATED';
}
