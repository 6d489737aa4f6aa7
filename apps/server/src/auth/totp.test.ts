import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { createTotpSecret, totpEnrolmentUri, totpStep, verifyTotp } from './totp.js';

/** RFC 6238 appendix B's SHA-1 key, the ASCII bytes of "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** RFC 6238 appendix B, SHA-1: time in seconds → the 8-digit code; a 6-digit code is its last 6. */
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

const seconds = (value: number) => value * 1000;

describe('verifyTotp against RFC 6238’s SHA-1 vectors', () => {
  it('uses the RFC’s key and codes (checked at 8 digits with the library)', () => {
    expect(Secret.fromLatin1('12345678901234567890').base32).toBe(RFC_SECRET);
    for (const [time, code] of RFC_VECTORS) {
      expect(TOTP.generate({ secret: secretOf(RFC_SECRET), digits: 8, timestamp: seconds(time) })).toBe(code);
    }
  });

  it.each(RFC_VECTORS)('at %i s accepts the last 6 digits of %s, in step ⌊t/30⌋', (time, code) => {
    expect(verifyTotp(RFC_SECRET, code.slice(-6), { now: seconds(time) })).toEqual({
      ok: true,
      step: Math.floor(time / 30),
    });
  });

  it.each(RFC_VECTORS)('at %i s refuses the full 8 digits %s: codes are 6 digits', (time, code) => {
    expect(verifyTotp(RFC_SECRET, code, { now: seconds(time) })).toEqual({ ok: false });
  });

  it('refuses a code one digit off', () => {
    expect(verifyTotp(RFC_SECRET, '287083', { now: seconds(59) })).toEqual({ ok: false });
  });

  it('accepts the code typed with a space in the middle', () => {
    expect(verifyTotp(RFC_SECRET, '287 082', { now: seconds(59) })).toEqual({ ok: true, step: 1 });
  });
});

describe('verifyTotp: the window of one step either side', () => {
  // 1111111111 s is in step 37037037 (1111111110–1111111139 s).
  const code = '050471';
  const step = 37037037;

  it('accepts the code from 30 s before and after its step, reporting its own step', () => {
    expect(verifyTotp(RFC_SECRET, code, { now: seconds(1111111110 + 30) })).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, code, { now: seconds(1111111110 - 30) })).toEqual({ ok: true, step });
  });

  it('refuses it two steps away', () => {
    expect(verifyTotp(RFC_SECRET, code, { now: seconds(1111111110 + 60) })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, code, { now: seconds(1111111110 - 31) })).toEqual({ ok: false });
  });
});

describe('verifyTotp: replays', () => {
  const now = seconds(1111111111);

  it('refuses the same code again once its step is used', () => {
    const first = verifyTotp(RFC_SECRET, '050471', { now });
    expect(first).toEqual({ ok: true, step: 37037037 });
    const lastUsedStep = first.ok ? first.step : null;
    expect(verifyTotp(RFC_SECRET, '050471', { now, lastUsedStep })).toEqual({ ok: false });
  });

  it('refuses an older step’s code after a newer one was used', () => {
    const previousStepCode = TOTP.generate({ secret: secretOf(RFC_SECRET), timestamp: now - seconds(30) });
    expect(verifyTotp(RFC_SECRET, previousStepCode, { now })).toEqual({ ok: true, step: 37037036 });
    expect(verifyTotp(RFC_SECRET, previousStepCode, { now, lastUsedStep: 37037037 })).toEqual({ ok: false });
  });

  it('accepts the next step’s code after this one was used', () => {
    const nextStepCode = TOTP.generate({ secret: secretOf(RFC_SECRET), timestamp: now + seconds(30) });
    expect(verifyTotp(RFC_SECRET, nextStepCode, { now, lastUsedStep: 37037037 })).toEqual({
      ok: true,
      step: 37037038,
    });
  });
});

describe('verifyTotp: bad input', () => {
  it.each(['', '12345', '1234567', 'abcdef', '05O471'])('refuses the code %j', (code) => {
    expect(verifyTotp(RFC_SECRET, code, { now: seconds(1111111111) })).toEqual({ ok: false });
  });

  it.each(['', 'not base32!', 'GEZDGNBV'])('refuses any code for the stored secret %j', (secret) => {
    expect(verifyTotp(secret, '050471', { now: seconds(1111111111) })).toEqual({ ok: false });
  });
});

describe('createTotpSecret and enrolment', () => {
  it('makes 160-bit secrets, base32, never the same twice', () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(createTotpSecret()).not.toBe(secret);
  });

  it('verifies a code an authenticator app would show for a new secret', () => {
    const secret = createTotpSecret();
    const now = Date.now();
    const code = TOTP.generate({ secret: secretOf(secret), timestamp: now });
    expect(verifyTotp(secret, code, { now })).toEqual({ ok: true, step: totpStep(now) });
  });

  it('builds the otpauth URI a QR code carries', () => {
    const uri = new URL(totpEnrolmentUri(RFC_SECRET, 'nomsa@example.co.za'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/OpenTill:nomsa@example.co.za');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: RFC_SECRET,
      issuer: 'OpenTill',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

function secretOf(base32: string) {
  return Secret.fromBase32(base32);
}
