import { describe, expect, it } from 'vitest';
import {
  PASSWORD_POLICIES,
  PASSWORD_PROBLEM_CODES,
  normalizePassword,
  passwordLength,
  passwordProblems,
  type PasswordContext,
  type PasswordPolicy,
} from './passwordPolicy.js';

const noList: PasswordContext = { isCommon: () => false };
const { standard, pharmacy } = PASSWORD_POLICIES;

function codes(password: string, context: PasswordContext = noList, policy: PasswordPolicy = standard) {
  return passwordProblems(password, policy, context).map((problem) => problem.code);
}

describe('the presets', () => {
  it('asks 12 characters of a shop and 16 of a pharmacy, up to 128, and remembers 5', () => {
    expect(standard).toEqual({ minLength: 12, maxLength: 128, historyDepth: 5 });
    expect(pharmacy).toEqual({ minLength: 16, maxLength: 128, historyDepth: 5 });
  });
});

describe('passwordProblems: length', () => {
  it('accepts exactly the minimum and refuses one less', () => {
    expect(codes('a'.repeat(12))).toEqual([]);
    expect(codes('a'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('a'.repeat(15), noList, pharmacy)).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('a'.repeat(16), noList, pharmacy)).toEqual([]);
  });

  it('accepts exactly the maximum and refuses one more', () => {
    expect(codes('a'.repeat(128))).toEqual([]);
    expect(codes('a'.repeat(129))).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('says the policy’s number in plain words', () => {
    expect(passwordProblems('short', pharmacy, noList)).toEqual([
      { code: 'PASSWORD_TOO_SHORT', message: 'Use at least 16 characters.' },
    ]);
  });

  it('counts code points, so 12 emoji or accented letters are 12 characters', () => {
    expect('🔒'.repeat(12).length).toBe(24);
    expect(passwordLength('🔒'.repeat(12))).toBe(12);
    expect(codes('🔒'.repeat(12))).toEqual([]);
    expect(codes('🔒'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('counts after NFKC, so a decomposed é is one character', () => {
    const decomposed = 'e\u0301'.repeat(12);
    expect(decomposed.length).toBe(24);
    expect(passwordLength(decomposed)).toBe(12);
    expect(codes('e\u0301'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('does not run the common check on an oversized input', () => {
    let calls = 0;
    const counting: PasswordContext = { isCommon: () => (calls += 1) > 0 };
    expect(codes('a'.repeat(10_000), counting)).toEqual(['PASSWORD_TOO_LONG']);
    expect(calls).toBe(0);
  });
});

describe('normalizePassword', () => {
  it('makes composed and decomposed letters, and full-width digits, one password', () => {
    expect(normalizePassword('caf\u00e9')).toBe(normalizePassword('cafe\u0301'));
    expect(normalizePassword('１２３')).toBe('123');
  });

  it('keeps spaces and case: they are part of the password', () => {
    expect(normalizePassword(' Two Words ')).toBe(' Two Words ');
  });
});

describe('passwordProblems: the person’s own details', () => {
  const person: PasswordContext = {
    email: 'Nomsa.Dlamini@example.co.za',
    phone: '+27821234567',
    name: 'Nomsa Dlamini Mokoena',
    businessName: 'Nomsa’s Pharmacy Soweto',
    isCommon: () => false,
  };

  it.each([
    ['nomsa.dlamini@example.co.za', 'PASSWORD_SAME_AS_EMAIL'],
    ['NOMSA.DLAMINI@EXAMPLE.CO.ZA', 'PASSWORD_SAME_AS_EMAIL'],
    ['nomsa.dlamini', 'PASSWORD_SAME_AS_EMAIL'],
    ['+27821234567', 'PASSWORD_SAME_AS_PHONE'],
    ['nomsa dlamini mokoena', 'PASSWORD_SAME_AS_NAME'],
    ['NomsaDlaminiMokoena', 'PASSWORD_SAME_AS_NAME'],
    ['nomsas pharmacy soweto', 'PASSWORD_SAME_AS_NAME'],
  ])('finds %s to break %s', (password, code) => {
    expect(codes(password, person, { ...standard, minLength: 8 })).toContain(code);
  });

  it('knows a phone number in its national spelling', () => {
    expect(codes('082 123 4567', person, { ...standard, minLength: 8 })).toEqual(['PASSWORD_SAME_AS_PHONE']);
  });

  it('allows a password that merely contains a detail', () => {
    expect(codes('nomsa dlamini walks to the river', person)).toEqual([]);
  });

  it('ignores empty details', () => {
    expect(codes('!!!!!!!!!!!!', { name: ' ', email: '', isCommon: () => false })).toEqual([]);
  });
});

describe('passwordProblems: common passwords', () => {
  it('asks the injected check with the normalized password', () => {
    const seen: string[] = [];
    const context: PasswordContext = {
      isCommon: (password) => {
        seen.push(password);
        return password === 'café correct horse';
      },
    };
    expect(codes('cafe\u0301 correct horse', context)).toEqual(['PASSWORD_COMMON']);
    expect(seen).toEqual(['café correct horse']);
  });

  it('reports every problem at once, in a stable order', () => {
    const context: PasswordContext = { name: 'password', isCommon: () => true };
    expect(codes('password', context)).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_SAME_AS_NAME', 'PASSWORD_COMMON']);
  });

  it('gives every code a plain message', () => {
    const all = passwordProblems('+27821234567', standard, {
      email: '+27821234567@x.co.za',
      phone: '+27821234567',
      name: '+27821234567',
      isCommon: () => true,
    });
    expect(all.map((problem) => problem.code)).toEqual(
      PASSWORD_PROBLEM_CODES.filter((code) => code !== 'PASSWORD_TOO_SHORT' && code !== 'PASSWORD_TOO_LONG'),
    );
    for (const problem of all) expect(problem.message).toMatch(/^[A-Z].+\.$/);
  });
});
