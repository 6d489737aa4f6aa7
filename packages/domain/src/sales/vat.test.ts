import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.js';
import { vatBreakdown, vatInside, type TaxClass } from './vat.js';

describe('VAT (SPEC V)', () => {
  it('V2: the VAT inside an inclusive amount is 15/115 of it, rounded half up', () => {
    expect(vatInside(cents(11500))).toBe(1500);
    expect(vatInside(cents(100))).toBe(13); // 13.04
    expect(vatInside(cents(1))).toBe(0); // 0.13
    expect(vatInside(cents(4))).toBe(1); // 0.52
    expect(vatInside(cents(23))).toBe(3); // exactly 3.00
    expect(vatInside(cents(2_000_000_000))).toBe(260_869_565);
  });

  it('V1: zero-rated and exempt amounts carry no VAT', () => {
    expect(vatInside(cents(11500), 'zero')).toBe(0);
    expect(vatInside(cents(11500), 'exempt')).toBe(0);
  });

  it('V2, V3: each line is within half a cent of the exact VAT, so a sale is within half a cent per line', () => {
    const lineArb = fc.record({
      total: fc.integer({ min: 0, max: 5_000_000 }),
      taxClass: fc.constantFrom<TaxClass>('standard', 'zero', 'exempt'),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 200 }), (lines) => {
        // |vat − 15a/115| ≤ ½  ⇔  |230·vat − 30·a| ≤ 115, in integers.
        for (const { total, taxClass } of lines) {
          const vat = vatInside(cents(total), taxClass);
          if (taxClass === 'standard') expect(Math.abs(230 * vat - 30 * total)).toBeLessThanOrEqual(115);
          else expect(vat).toBe(0);
        }
        const { vat, gross } = vatBreakdown(lines.map((line) => ({ ...line, total: cents(line.total) })));
        const standard = lines.filter((line) => line.taxClass === 'standard');
        expect(gross.standard).toBe(standard.reduce((sum, line) => sum + line.total, 0));
        expect(Math.abs(230 * vat - 30 * gross.standard)).toBeLessThanOrEqual(115 * Math.max(standard.length, 1));
      }),
      { numRuns: 500 },
    );
  });
});
