import { describe, expect, it } from 'vitest';
import { testPinVerifier } from '../testing/pinVerifiers';
import { constantTimeEqual, decodeVerifier, pinMatches } from './pinVerifier';

describe('pinMatches (WebCrypto PBKDF2-SHA256, against a verifier made by node:crypto)', () => {
  it('accepts the right PIN and refuses any other', async () => {
    const verifier = decodeVerifier(testPinVerifier('1111'));
    if (!verifier) throw new Error('expected a usable verifier');
    expect(await pinMatches('1111', verifier)).toBe(true);
    for (const wrong of ['1112', '111', '11111', '2222', '']) expect(await pinMatches(wrong, verifier)).toBe(false);
  });

  it('uses the verifier’s own salt and iterations', async () => {
    const slow = decodeVerifier(testPinVerifier('204060', 20_000));
    if (!slow) throw new Error('expected a usable verifier');
    expect(slow.iterations).toBe(20_000);
    expect(await pinMatches('204060', slow)).toBe(true);
    // Same PIN, another salt: another key.
    const other = decodeVerifier(testPinVerifier('204060', 20_000));
    expect(other?.hash).not.toEqual(slow.hash);
  });
});

describe('decodeVerifier', () => {
  it('refuses a verifier no PIN could match', () => {
    const good = testPinVerifier('1111');
    expect(decodeVerifier(good)).not.toBeNull();
    expect(decodeVerifier({ ...good, salt: 'not base64!' })).toBeNull();
    expect(decodeVerifier({ ...good, salt: '' })).toBeNull();
    expect(decodeVerifier({ ...good, hash: btoa('sixteen bytes!!!') })).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('compares lengths and every byte', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([9, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
