import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  RECOVERY_CODE_COUNT,
  consumeRecoveryCode,
  generateRecoveryCodes,
  normalizeRecoveryCode,
} from './recovery-codes.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('generateRecoveryCodes', () => {
  it('makes 10 codes shown as xxxxx-xxxxx in Crockford base32', () => {
    const { codes } = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(RECOVERY_CODE_COUNT).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it('keeps only the SHA-256 of each code’s canonical form, in the same order', () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(hashes).toEqual(codes.map((code) => sha256(code.replace('-', '').toUpperCase())));
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws every character of the alphabet, and never the same code twice', () => {
    const codes = Array.from({ length: 40 }, () => generateRecoveryCodes().codes).flat();
    expect(new Set(codes).size).toBe(codes.length);
    // 400 codes hold 4,000 characters; each of the 32 is all but certain to appear.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });
});

describe('normalizeRecoveryCode', () => {
  it.each([
    ['k3v9q-7mz2d', 'K3V9Q7MZ2D'],
    ['K3V9Q7MZ2D', 'K3V9Q7MZ2D'],
    [' k3v9q 7mz2d ', 'K3V9Q7MZ2D'],
    ['k3v9q–7mz2d', 'K3V9Q7MZ2D'],
    ['ab0c1-d2e3f', 'AB0C1D2E3F'],
    ['abOcI-d2e3f', 'AB0C1D2E3F'],
    ['abocl-d2e3f', 'AB0C1D2E3F'],
  ])('reads %j as %s', (input, canonical) => {
    expect(normalizeRecoveryCode(input)).toBe(canonical);
  });

  it.each(['', 'k3v9q', 'k3v9q-7mz2d-x', 'k3v9q-7mz2u', 'k3v9q-7mz2!'])('refuses %j', (input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });
});

describe('consumeRecoveryCode', () => {
  const { codes, hashes } = generateRecoveryCodes();
  const [first = '', second = ''] = codes;

  it('accepts a code once and returns the other hashes to keep', () => {
    const used = consumeRecoveryCode(second, hashes);
    expect(used).toEqual({ ok: true, remaining: hashes.filter((_, index) => index !== 1) });
    if (!used.ok) return;
    expect(consumeRecoveryCode(second, used.remaining)).toEqual({ ok: false });
    expect(consumeRecoveryCode(first, used.remaining).ok).toBe(true);
  });

  it('accepts it typed in capitals, without the dash, or with look-alikes', () => {
    const lookAlike = first.replace(/1/g, 'l').replace(/0/g, 'O');
    for (const input of [first.toUpperCase(), first.replace('-', ''), ` ${first.replace('-', ' ')} `, lookAlike]) {
      expect(consumeRecoveryCode(input, hashes).ok, input).toBe(true);
    }
  });

  it('refuses an unknown code, junk, and anything against no codes', () => {
    const unknown = generateRecoveryCodes().codes[0] ?? '';
    expect(consumeRecoveryCode(unknown, hashes)).toEqual({ ok: false });
    expect(consumeRecoveryCode('not a code', hashes)).toEqual({ ok: false });
    expect(consumeRecoveryCode(first, [])).toEqual({ ok: false });
  });

  it('uses up only one copy if a hash is somehow stored twice', () => {
    const doubled = [hashes[0] ?? '', hashes[0] ?? ''];
    expect(consumeRecoveryCode(first, doubled)).toEqual({ ok: true, remaining: [hashes[0]] });
  });
});
