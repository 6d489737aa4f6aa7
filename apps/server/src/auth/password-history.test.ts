import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';
import { isReusedPassword } from './password-history.js';

describe('hashPassword and verifyPassword', () => {
  it('stores an Argon2id hash at OWASP’s minimum cost that verifies only the same password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('verifies a password typed with decomposed accents against one typed composed', async () => {
    const stored = await hashPassword('caf\u00e9 au lait, s’il vous pla\u00eet');
    expect(await verifyPassword(stored, 'cafe\u0301 au lait, s’il vous plai\u0302t')).toBe(true);
  });

  it('answers false for a malformed stored hash', async () => {
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
  });
});

describe('isReusedPassword', () => {
  const passwords = ['first of six words', 'second of six words', 'third', 'fourth', 'fifth', 'sixth'];
  // Newest first, as the caller keeps them: "sixth" is the current password.
  const history = Promise.all([...passwords].reverse().map((password) => hashPassword(password)));

  it('finds each of the last five passwords, the current one included', async () => {
    for (const password of passwords.slice(1)) {
      expect(await isReusedPassword(password, await history), password).toBe(true);
    }
  });

  it('allows the sixth-newest password again, and a new one', async () => {
    expect(await isReusedPassword('first of six words', await history)).toBe(false);
    expect(await isReusedPassword('a brand new password', await history)).toBe(false);
  });

  it('follows the policy’s depth', async () => {
    expect(await isReusedPassword('first of six words', await history, 6)).toBe(true);
    expect(await isReusedPassword('fifth', await history, 1)).toBe(false);
    expect(await isReusedPassword('sixth', await history, 1)).toBe(true);
    expect(await isReusedPassword('sixth', await history, 0)).toBe(false);
  });

  it('finds nothing in an empty or malformed history', async () => {
    expect(await isReusedPassword('anything', [])).toBe(false);
    expect(await isReusedPassword('anything', ['garbage', ''])).toBe(false);
  });
});
