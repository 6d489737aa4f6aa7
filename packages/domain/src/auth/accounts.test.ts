import { describe, expect, it } from 'vitest';
import {
  PASSWORD_PRESETS,
  emailRegisterRequestSchema,
  emailSignInRequestSchema,
  mfaConfirmRequestSchema,
} from './accounts.js';
import { PASSWORD_POLICIES } from './passwordPolicy.js';

const DEVICE = '0190a4d2-6b7c-7d8e-9f01-23456789abcd';

describe('emailRegisterRequestSchema', () => {
  const valid = {
    businessName: 'Dlamini Pharmacy',
    ownerName: 'Nomsa Dlamini',
    email: '  Nomsa@Example.CO.za ',
    password: 'correct horse battery staple',
    deviceId: DEVICE,
  };

  it('stores the email trimmed and lower-case, and defaults to the pharmacy policy', () => {
    const parsed = emailRegisterRequestSchema.parse(valid);
    expect(parsed.email).toBe('nomsa@example.co.za');
    expect(parsed.preset).toBe('pharmacy');
  });

  it('offers exactly the password policies there are', () => {
    expect([...PASSWORD_PRESETS].sort()).toEqual(Object.keys(PASSWORD_POLICIES).sort());
    expect(emailRegisterRequestSchema.parse({ ...valid, preset: 'standard' }).preset).toBe('standard');
  });

  it.each([{ email: 'nomsa' }, { password: '' }, { preset: 'lax' }, { businessName: ' ' }, { deviceId: 'abc' }])(
    'rejects %j',
    (change) => {
      expect(emailRegisterRequestSchema.safeParse({ ...valid, ...change }).success).toBe(false);
    },
  );

  it('leaves a short password to the policy check (the server names the rule it breaks)', () => {
    expect(emailRegisterRequestSchema.safeParse({ ...valid, password: 'short' }).success).toBe(true);
  });
});

describe('two-factor codes', () => {
  it.each(['123456', '123 456', ' 123456 '])('accepts %j', (code) => {
    expect(mfaConfirmRequestSchema.safeParse({ code }).success).toBe(true);
  });

  it.each(['12345', '1234567', 'abcdef', '12 34 56'])('rejects %j', (code) => {
    expect(mfaConfirmRequestSchema.safeParse({ code }).success).toBe(false);
  });

  it('takes a sign-in with either a code or a recovery code', () => {
    const base = { email: 'a@b.co', password: 'x', deviceId: DEVICE };
    expect(emailSignInRequestSchema.parse({ ...base, totpCode: '123456' }).totpCode).toBe('123456');
    expect(emailSignInRequestSchema.parse({ ...base, recoveryCode: 'k3v9q-7mz2d' }).recoveryCode).toBe('k3v9q-7mz2d');
  });
});
