import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13 } from './barcode.js';

describe('EAN-13', () => {
  it('computes the check digit of known codes', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931, a published example
    expect(ean13CheckDigit('600100000001')).toBe(8); // 6+3+3 = 12
  });

  it('validates whole codes', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });
});
