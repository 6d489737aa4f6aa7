import { describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import { remainingAfter, tenderFromDraft, type TenderDraft } from './paymentDraft';

const draft = (overrides: Partial<TenderDraft>): TenderDraft => ({
  method: 'cash',
  input: '',
  reference: '',
  provider: 'snapscan',
  ...overrides,
});

describe('tenderFromDraft (SPEC P1, P3)', () => {
  it('cash pays at most the rest; what is handed over beyond it is change', () => {
    expect(tenderFromDraft(draft({ input: '100' }), cents(5997))).toEqual({
      tender: { method: 'cash', amount: 5997, tendered: 10_000 },
    });
    expect(tenderFromDraft(draft({ input: '20' }), cents(5997))).toEqual({
      tender: { method: 'cash', amount: 2000, tendered: 2000 },
    });
  });

  it('a card pays the rest when no amount is typed, with its reference', () => {
    expect(tenderFromDraft(draft({ method: 'card', reference: ' 0042 ' }), cents(5997))).toEqual({
      tender: { method: 'card', amount: 5997, reference: '0042' },
    });
    expect(tenderFromDraft(draft({ method: 'mobile_money', input: '30', provider: 'payshap' }), cents(5997))).toEqual({
      tender: { method: 'mobile_money', amount: 3000, provider: 'payshap' },
    });
  });

  it('refuses a bad amount, a zero, a card paying more than the rest, and paying when nothing is due', () => {
    expect(tenderFromDraft(draft({ input: '12.345' }), cents(100))).toEqual({ problem: 'invalidAmount' });
    expect(tenderFromDraft(draft({ input: '-5' }), cents(100))).toEqual({ problem: 'invalidAmount' });
    expect(tenderFromDraft(draft({ input: '' }), cents(100))).toEqual({ problem: 'invalidAmount' });
    expect(tenderFromDraft(draft({ input: '0' }), cents(100))).toEqual({ problem: 'zero' });
    expect(tenderFromDraft(draft({ method: 'card', input: '2' }), cents(100))).toEqual({
      problem: 'onlyCashGivesChange',
    });
    expect(tenderFromDraft(draft({ input: '5' }), cents(0))).toEqual({ problem: 'nothingDue' });
  });

  it('remainingAfter: the due less the parts paid, never below zero', () => {
    expect(remainingAfter(cents(5997), [{ method: 'card', amount: 2000 }])).toBe(3997);
    expect(remainingAfter(cents(5997), [{ method: 'cash', amount: 5997, tendered: 10_000 }])).toBe(0);
  });
});
