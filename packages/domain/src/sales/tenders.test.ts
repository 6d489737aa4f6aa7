import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.js';
import { amountDue, paymentMethodOf, settleTenders, type Tender } from './tenders.js';

const due = cents(10_000);
const customer = '00000000-0000-4000-8000-0000000000c1';

describe('tenders (SPEC P)', () => {
  it('P1, P3: split tenders pay the amount due exactly; cash handed over beyond its part is change', () => {
    const tenders: Tender[] = [
      { method: 'card', amount: 6000, reference: '004512' },
      { method: 'cash', amount: 4000, tendered: 5000 },
    ];
    expect(settleTenders(due, tenders, undefined)).toEqual({ given: 11_000, change: 1000 });
  });

  it('P1: under-payment is refused, and so is over-payment by anything but cash', () => {
    expect(settleTenders(due, [{ method: 'cash', amount: 9000 }], undefined)).toEqual({
      problems: ['The tenders pay 9000 of 10000.'],
    });
    expect(settleTenders(due, [{ method: 'card', amount: 12_000 }], undefined)).toEqual({
      problems: ['The tenders pay 12000, more than 10000: only cash gives change.'],
    });
    expect(settleTenders(due, [{ method: 'card', amount: 10_000, tendered: 12_000 }], undefined)).toEqual({
      problems: ['Only cash is handed over.'],
    });
  });

  it('P2, P4, P5: no empty parts, mobile money names its provider, the book and credit need a customer', () => {
    const problems = (tenders: Tender[], customerId?: string) => {
      const settled = settleTenders(due, tenders, customerId);
      return 'problems' in settled ? settled.problems : [];
    };
    expect(
      problems([
        { method: 'card', amount: 0 },
        { method: 'cash', amount: 10_000 },
      ]),
    ).toEqual(['A tender pays something.']);
    expect(problems([{ method: 'mobile_money', amount: 10_000 }])).toEqual(['Mobile money names its provider.']);
    expect(problems([{ method: 'mobile_money', amount: 10_000, provider: 'snapscan' }])).toEqual([]);
    expect(problems([{ method: 'account', amount: 10_000 }])).toEqual(['The book and store credit need a customer.']);
    expect(problems([{ method: 'account', amount: 10_000 }], customer)).toEqual([]);
    expect(problems([])).toContain('A sale is paid in 1 to 6 parts.');
  });

  it('R1: rounding takes the total down to 10 cents, never up', () => {
    expect(amountDue(cents(1999), true)).toBe(1990);
    expect(amountDue(cents(1990), true)).toBe(1990);
    expect(amountDue(cents(1999), false)).toBe(1999);
  });

  it('the seed’s paymentMethod is the one method used, or split', () => {
    expect(paymentMethodOf([{ method: 'card' }])).toBe('card');
    expect(paymentMethodOf([{ method: 'cash' }, { method: 'cash' }])).toBe('cash');
    expect(paymentMethodOf([{ method: 'cash' }, { method: 'account' }])).toBe('split');
  });
});
