import { describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import { centsToInput, quickCashAmounts } from './quickCash';

describe('quickCashAmounts', () => {
  it('offers the exact total, then the next R10, R20, R50, R100 and R200 above it', () => {
    expect(quickCashAmounts(cents(3798))).toEqual([3798, 4000, 5000, 10000, 20000]);
  });

  it('drops duplicates when the total is already a round amount', () => {
    expect(quickCashAmounts(cents(4000))).toEqual([4000, 5000, 10000, 20000]);
    expect(quickCashAmounts(cents(20000))).toEqual([20000]);
  });

  it('handles totals above R200', () => {
    expect(quickCashAmounts(cents(23450))).toEqual([23450, 24000, 25000, 30000, 40000]);
  });
});

describe('centsToInput', () => {
  it('writes cents the way parseRands reads them back', () => {
    expect(centsToInput(cents(5000))).toBe('50');
    expect(centsToInput(cents(3798))).toBe('37.98');
    expect(centsToInput(cents(5))).toBe('0.05');
  });
});
