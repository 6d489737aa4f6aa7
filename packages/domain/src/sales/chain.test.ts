import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, canonicalJson, chainHash, linkMatches, nextLink, sha256Hex } from './chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('gives the same text for any key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });
});

describe('sale hash chain (SY10)', () => {
  it('hashes with SHA-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('SY10: links each sale to the one before, from the genesis hash', () => {
    const first = nextLink({ total: 100 }, null);
    expect(first.seq).toBe(1);
    expect(first.previousHash).toBe(GENESIS_HASH);
    const second = nextLink({ total: 200 }, first);
    expect(second).toMatchObject({ seq: 2, previousHash: first.hash });
    expect(linkMatches({ total: 200 }, second)).toBe(true);
  });

  it('SY10: an injected SHA-256 gives the same links', () => {
    const calls: string[] = [];
    const spy = (text: string) => (calls.push(text), sha256Hex(text));
    const link = nextLink({ total: 100 }, null);
    expect(linkMatches({ total: 100 }, link, spy)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('SY10: any change of content, place or predecessor changes the hash', () => {
    const link = nextLink({ total: 100 }, { seq: 4, hash: 'a'.repeat(64) });
    expect(linkMatches({ total: 101 }, link)).toBe(false);
    expect(linkMatches({ total: 100 }, { ...link, seq: 6 })).toBe(false);
    expect(chainHash({ total: 100 }, 5, 'b'.repeat(64))).not.toBe(link.hash);
  });
});
