import { describe, expect, it } from 'vitest';
import { PASSWORD_POLICIES, passwordProblems } from '@opentill/domain';
import { commonPasswordCheck, commonPasswordMatcher } from './common-passwords.js';

describe('commonPasswordMatcher', () => {
  const isCommon = commonPasswordMatcher(['password', 'sunshine', 'hello', 'trustno1', 'michael', 'Dragon']);

  it.each(['password', 'PASSWORD', 'Password', 'dragon', 'DRAGON'])('finds %s, whatever its case', (password) => {
    expect(isCommon(password)).toBe(true);
  });

  it.each(['password1', 'Password2024', 'sunshine!', 'Sunshine2024!', 'trustno1!!!', 'michael12345678'])(
    'finds %s: a listed word with digits or symbols after it',
    (password) => {
      expect(isCommon(password)).toBe(true);
    },
  );

  it.each(['p@ssw0rd', 'P4SSW0RD', 'pa$$word', 'p455w0rd!', 'h3ll0', 'H3LL0123', 'tru5tno1', 'm1chael', 'michae1'])(
    'finds %s: leetspeak for a listed word',
    (password) => {
      expect(isCommon(password)).toBe(true);
    },
  );

  it.each([
    'correct horse battery staple',
    'passwordless login',
    '2024password',
    'my sunshine',
    'pass word',
    'dragons',
    'xpassword1',
  ])('leaves %s alone: more than a trivial variant', (password) => {
    expect(isCommon(password)).toBe(false);
  });

  it('does not refuse a long number because it starts like a listed one', () => {
    const numbers = commonPasswordMatcher(['1234', '123456']);
    expect(numbers('123456')).toBe(true);
    expect(numbers('1234567890987654')).toBe(false);
  });

  it('normalizes with NFKC, so full-width letters are the same word', () => {
    expect(isCommon('ｐａｓｓｗｏｒｄ')).toBe(true);
  });
});

describe('commonPasswordCheck (the shipped list)', () => {
  it('loads once and is shared', async () => {
    const first = commonPasswordCheck();
    expect(commonPasswordCheck()).toBe(first);
    expect(typeof (await first)).toBe('function');
  });

  it.each([
    '123456',
    'qwerty',
    'iloveyou',
    'Password123!',
    'P@ssw0rd2024',
    'qwerty123456',
    'Football1994!',
    'letmein!!',
  ])('refuses %s', async (password) => {
    expect((await commonPasswordCheck())(password)).toBe(true);
  });

  it.each(['correct horse battery staple', 'Umbrella-Tuesday-Kettle-9', 'vx7#Lq2m!Rt9pZ'])(
    'accepts %s',
    async (password) => {
      expect((await commonPasswordCheck())(password)).toBe(false);
    },
  );

  it('plugs into the domain’s policy check', async () => {
    const isCommon = await commonPasswordCheck();
    const problems = passwordProblems('Sunshine2024!', PASSWORD_POLICIES.standard, { isCommon });
    expect(problems.map((problem) => problem.code)).toEqual(['PASSWORD_COMMON']);
  });
});
