import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CENTS, cents, formatRands, multiplyCents, parseRands, sumCents } from './cents.js';

describe('cents (M1, M2)', () => {
  it('accepts whole non-negative amounts up to the maximum', () => {
    expect(cents(0)).toBe(0);
    expect(cents(MAX_CENTS)).toBe(MAX_CENTS);
  });

  it.each([1.5, -1, MAX_CENTS + 1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (value) => {
    expect(() => cents(value)).toThrow();
  });

  it('sums without leaving the allowed range', () => {
    expect(sumCents([cents(150), cents(250)])).toBe(400);
    expect(() => sumCents([cents(MAX_CENTS), cents(1)])).toThrow();
  });

  it('multiplies by whole quantities only (M3)', () => {
    expect(multiplyCents(cents(1599), 3)).toBe(4797);
    expect(() => multiplyCents(cents(100), 1.5)).toThrow();
  });
});

describe('parseRands (M4)', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12,50', 1250],
    ['R 12.05', 1205],
    ['r12', 1200],
    ['0.99', 99],
  ])('parses %s as %i cents', (input, expected) => {
    expect(parseRands(input)).toBe(expected);
  });

  it.each(['', 'abc', '12.345', '-5', '1e3', '12..5'])('rejects %j', (input) => {
    expect(parseRands(input)).toBeNull();
  });

  it('round-trips every amount through its formatted text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (value) => {
        const text = formatRands(cents(value)).replace(/\u00a0/g, '');
        expect(parseRands(text)).toBe(value);
      }),
    );
  });
});

describe('formatRands (M5)', () => {
  it('formats in the en-ZA style', () => {
    expect(formatRands(cents(123450))).toBe('R\u00a01\u00a0234,50');
    expect(formatRands(cents(5))).toBe('R\u00a00,05');
  });
});
