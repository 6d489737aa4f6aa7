import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { generateRecoveryCodes } from './recovery-codes.js';
import { checkSecondFactor } from './second-factor.js';
import { createTotpSecret, totpStep } from './totp.js';

const secret = createTotpSecret();
const now = Date.now();
const codeAt = (timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });
const recovery = generateRecoveryCodes();
const stored = { totpSecret: secret, totpLastStep: null, recoveryCodeHashes: recovery.hashes };

describe('checkSecondFactor', () => {
  it('asks for a code when none is given', () => {
    expect(checkSecondFactor(stored, {}, now)).toEqual({ kind: 'missing' });
  });

  it('accepts the app’s code with its step, and not at or before the last step used', () => {
    const step = totpStep(now);
    expect(checkSecondFactor(stored, { totpCode: codeAt(now) }, now)).toEqual({ kind: 'totp', step });
    expect(checkSecondFactor({ ...stored, totpLastStep: step }, { totpCode: codeAt(now) }, now)).toEqual({
      kind: 'invalid',
      method: 'totp',
    });
  });

  it('judges a TOTP code when both are given: a recovery code is not spent beside it', () => {
    const proof = { totpCode: '000000', recoveryCode: recovery.codes[0] };
    expect(checkSecondFactor(stored, proof, now)).toEqual({ kind: 'invalid', method: 'totp' });
  });

  it('uses up a recovery code, leaving the others', () => {
    const check = checkSecondFactor(stored, { recoveryCode: recovery.codes[3] }, now);
    expect(check).toEqual({ kind: 'recovery', remaining: recovery.hashes.filter((_, index) => index !== 3) });
    expect(checkSecondFactor(stored, { recoveryCode: 'aaaaa-bbbbb' }, now)).toEqual({
      kind: 'invalid',
      method: 'recovery',
    });
  });

  it('refuses any code for an account without a secret', () => {
    const none = { totpSecret: null, totpLastStep: null, recoveryCodeHashes: [] };
    expect(checkSecondFactor(none, { totpCode: codeAt(now) }, now)).toEqual({ kind: 'invalid', method: 'totp' });
  });
});
