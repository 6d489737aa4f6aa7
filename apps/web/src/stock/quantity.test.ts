import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STOCK_MOVEMENT } from '@opentill/domain';
import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads whole numbers in range, spaces allowed', () => {
    expect(parseQuantity('12', 1)).toBe(12);
    expect(parseQuantity(' 1 000 ', 1)).toBe(1000);
    expect(parseQuantity('0', 0)).toBe(0);
    expect(parseQuantity(String(MAX_STOCK_MOVEMENT), 1)).toBe(MAX_STOCK_MOVEMENT);
  });

  it('refuses blanks, signs, decimals, words and numbers out of range', () => {
    for (const text of ['', ' ', '-1', '+2', '1.5', '1,5', 'ten', '1e3', String(MAX_STOCK_MOVEMENT + 1)]) {
      expect(parseQuantity(text, 0)).toBeNull();
    }
    expect(parseQuantity('0', 1)).toBeNull();
  });

  it('reads back any quantity in range as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_STOCK_MOVEMENT }), (quantity) => {
        expect(parseQuantity(String(quantity), 0)).toBe(quantity);
      }),
    );
  });
});
