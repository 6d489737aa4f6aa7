import {
  accountSessionSchema,
  mfaConfirmResponseSchema,
  mfaStartResponseSchema,
  type AccountSession,
  type MfaConfirmResponse,
  type MfaStartResponse,
} from '@opentill/domain';
import { readServerError } from '../api/serverError';
import type { TokenClock } from '../db';
import { tokenClockOfResponse } from '../tokens/tokenClock';
import type { AuthFailure } from './authApi';

/**
 * Email accounts (pharmacies; SPEC ID5–ID9): registering and signing in by email, and enrolling in
 * two-factor with the session those give before it is kept on the phone. Online only, like sign-in.
 */
export const EMAIL_REGISTER_URL = '/api/v1/auth/email/register';
export const EMAIL_SIGN_IN_URL = '/api/v1/auth/email/sign-in';
export const MFA_START_URL = '/api/v1/account/mfa/start';
export const MFA_CONFIRM_URL = '/api/v1/account/mfa/confirm';

/** The server wants a two-factor code with the password: ask for it and send both again. */
export const MFA_REQUIRED = 'OT_ERR_MFA_REQUIRED';

/** A domain schema, as far as reading an answer needs one. */
interface AnswerSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

export type Answer<T> = { ok: true; value: T; response: Response } | { ok: false; failure: AuthFailure };

async function postJson<T>(url: string, body: object, schema: AnswerSchema<T>, token?: string): Promise<Answer<T>> {
  if (!navigator.onLine) return { ok: false, failure: { kind: 'offline' } };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data, response } : { ok: false, failure: { kind: 'unexpected' } };
  }
  const error = readServerError(json);
  return { ok: false, failure: error ? { kind: 'server', ...error } : { kind: 'unexpected' } };
}

export type AccountAuthResult =
  { ok: true; session: AccountSession; tokenClock: TokenClock } | { ok: false; failure: AuthFailure };

/** Email registration or sign-in: the session with its two-factor state, and when its token is due. */
export async function postAccountAuth(url: string, body: object): Promise<AccountAuthResult> {
  const answer = await postJson(url, body, accountSessionSchema);
  if (!answer.ok) return answer;
  return {
    ok: true,
    session: answer.value,
    tokenClock: tokenClockOfResponse(answer.response, answer.value.tokenExpiresAt),
  };
}

/** A new secret for the authenticator app (the server keeps it, not yet on). */
export function startMfa(token: string): Promise<Answer<MfaStartResponse>> {
  return postJson(MFA_START_URL, {}, mfaStartResponseSchema, token);
}

/** Turns two-factor on with a code from the app; answers the recovery codes, shown once. */
export function confirmMfa(token: string, code: string): Promise<Answer<MfaConfirmResponse>> {
  return postJson(MFA_CONFIRM_URL, { code }, mfaConfirmResponseSchema, token);
}
