import { describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import { offeredMethods, tenderFromDraft, withinCustomerLimits, type TenderDraft } from './paymentDraft';

const draft = (overrides: Partial<TenderDraft>): TenderDraft => ({
  method: 'account',
  input: '',
  reference: '',
  provider: 'snapscan',
  ...overrides,
});

describe('the customer’s limits at the till (SPEC CU1, CU5)', () => {
  const limits = { bookRoom: 5000, storeCredit: 2000 };

  it('CU1: the book takes at most the room left, counting the parts already on it', () => {
    const all = tenderFromDraft(draft({}), cents(8000));
    expect(withinCustomerLimits(all, [], limits)).toEqual({ problem: 'overBookRoom' });
    const part = tenderFromDraft(draft({ input: '50' }), cents(8000));
    expect(withinCustomerLimits(part, [], limits)).toEqual({ tender: { method: 'account', amount: 5000 } });
    expect(withinCustomerLimits(part, [{ method: 'account', amount: 100 }], limits)).toEqual({
      problem: 'overBookRoom',
    });
  });

  it('CU5: store credit spends at most what the customer has; other methods are not limited', () => {
    const credit = tenderFromDraft(draft({ method: 'store_credit', input: '20.01' }), cents(8000));
    expect(withinCustomerLimits(credit, [], limits)).toEqual({ problem: 'overStoreCredit' });
    const cash = tenderFromDraft(draft({ method: 'cash', input: '100' }), cents(8000));
    expect(withinCustomerLimits(cash, [], null)).toEqual(cash);
    const problem = tenderFromDraft(draft({ input: 'abc' }), cents(8000));
    expect(withinCustomerLimits(problem, [], limits)).toEqual(problem);
  });

  it('CU1, CU5, P5: the book and store credit are offered only to a customer with room or credit', () => {
    expect(offeredMethods(null)).toEqual(['cash', 'card', 'mobile_money']);
    expect(offeredMethods({ bookRoom: 0, storeCredit: 0 })).toEqual(['cash', 'card', 'mobile_money']);
    expect(offeredMethods(limits)).toEqual(['cash', 'card', 'mobile_money', 'store_credit', 'account']);
  });
});
