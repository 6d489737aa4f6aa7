/**
 * Two-factor codes by TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), the defaults every
 * authenticator app reads from an enrolment QR code. Required for OWNER and ADMIN, optional for others
 * (issue 4). The arithmetic is the `otpauth` package's; this module fixes the parameters and adds the
 * replay rule.
 */
import { randomBytes } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'OpenTill';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const SIX_DIGITS = /^\d{6}$/;
/** One step either side forgives a phone clock up to 30 s out and a code typed as it changes. */
const WINDOW_STEPS = 1;
/** RFC 4226 asks for at least 128 bits and recommends 160, the length of a SHA-1 key. */
const SECRET_BYTES = 20;
const MIN_SECRET_BYTES = 16;

/** A new secret, base32 (as authenticator apps take it). Store it where the server can read it back. */
export function createTotpSecret(): string {
  // Copied into a Uint8Array of its own: a Buffer may be a view into a larger shared pool.
  return new Secret({ buffer: new Uint8Array(randomBytes(SECRET_BYTES)).buffer }).base32;
}

/** The `otpauth://` URI to show as a QR code; `account` is how the user's app lists it (their email). */
export function totpEnrolmentUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The RFC 6238 time step (counter) that `now` (milliseconds since the epoch) falls in. */
export function totpStep(now: number): number {
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: now });
}

export type TotpVerification = { ok: true; step: number } | { ok: false };

/**
 * Checks `code` against the steps around `now`. A step at or before `lastUsedStep` is never accepted,
 * so a code seen over a shoulder, or the same code sent twice, does not sign in again; the caller
 * stores the returned `step` as the user's new `lastUsedStep`.
 */
export function verifyTotp(
  secret: string,
  code: string,
  { now = Date.now(), lastUsedStep = null }: { now?: number; lastUsedStep?: number | null } = {},
): TotpVerification {
  const token = code.replace(/\s/g, '');
  if (!SIX_DIGITS.test(token)) return { ok: false };
  const key = parseSecret(secret);
  if (key === null) return { ok: false };
  const current = totpStep(now);
  // The current step first (where a code normally belongs), then outwards.
  const steps = [current];
  for (let offset = 1; offset <= WINDOW_STEPS; offset += 1) steps.push(current - offset, current + offset);
  for (const step of steps) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    // HOTP.validate with no window compares in constant time against the code of exactly this step.
    if (HOTP.validate({ token, secret: key, algorithm: 'SHA1', digits: DIGITS, counter: step, window: 0 }) === 0) {
      return { ok: true, step };
    }
  }
  return { ok: false };
}

/** Null for a stored secret that is not base32 or too short to be one this module made. */
function parseSecret(secret: string): Secret | null {
  try {
    const key = Secret.fromBase32(secret);
    return key.bytes.byteLength >= MIN_SECRET_BYTES ? key : null;
  } catch {
    return null;
  }
}

function totp(secret: string, account: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}
