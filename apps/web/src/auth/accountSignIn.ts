import { createDeviceKey, type DeviceKey } from '../tokens/deviceKey';
import type { AuthFailure } from './authApi';
import { MFA_REQUIRED, postAccountAuth } from './accountApi';
import { completeSignIn } from './completeSignIn';
import { pendingAccount, type PendingAccount } from './pendingAccount';

/**
 * What an email registration or sign-in led to: kept on the phone (the app opens the till by
 * itself), an enrolment to do first, a code to ask for, or a failure to show.
 */
export type AccountSignInOutcome =
  | { kind: 'signed-in' }
  | { kind: 'enrol'; pending: PendingAccount }
  | { kind: 'code-required'; attempt: AccountAttempt }
  | { kind: 'failed'; failure: AuthFailure };

/** One sign-in attempt: the body (device id included) and this phone's key pair, kept for the code step. */
export interface AccountAttempt {
  url: string;
  body: object;
  deviceKey: DeviceKey | null;
}

/** A new attempt with a new device id and key pair (its public half goes to the server, SPEC ID17). */
export async function newAttempt(url: string, body: object): Promise<AccountAttempt> {
  const deviceKey = await createDeviceKey().catch((error: unknown) => {
    console.warn('No device key pair: this session is not bound to the phone', error);
    return null;
  });
  return {
    url,
    body: { ...body, deviceId: crypto.randomUUID(), ...(deviceKey ? { devicePublicKey: deviceKey.publicKey } : {}) },
    deviceKey,
  };
}

/** Sends the attempt, with `extra` (a two-factor or recovery code) when the server asked for one. */
export async function sendAttempt(attempt: AccountAttempt, extra: object = {}): Promise<AccountSignInOutcome> {
  const result = await postAccountAuth(attempt.url, { ...attempt.body, ...extra });
  if (!result.ok) {
    if (result.failure.kind === 'server' && result.failure.code === MFA_REQUIRED) {
      return { kind: 'code-required', attempt };
    }
    return { kind: 'failed', failure: result.failure };
  }
  const { session, tokenClock } = result;
  if (session.mfa.required && !session.mfa.enrolled) {
    return { kind: 'enrol', pending: pendingAccount({ session, deviceKey: attempt.deviceKey, tokenClock }) };
  }
  try {
    await completeSignIn(session, { deviceKey: attempt.deviceKey?.keyPair, tokenClock });
    return { kind: 'signed-in' };
  } catch (error) {
    console.error('Could not store the session', error);
    return { kind: 'failed', failure: { kind: 'unexpected' } };
  }
}
