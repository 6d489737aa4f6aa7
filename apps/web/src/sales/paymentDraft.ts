import { cents, parseRands, type Cents, type Tender, type TenderMethod } from '@opentill/domain';

/** The tender the cashier is entering: a method, an amount as typed, and the slip's reference. */
export interface TenderDraft {
  method: TenderMethod;
  /** Cash: what the customer handed over. Other methods: what they pay by it; empty means the rest. */
  input: string;
  reference: string;
  provider: NonNullable<Tender['provider']>;
}

export type DraftProblem = 'invalidAmount' | 'nothingDue' | 'zero' | 'onlyCashGivesChange';

/**
 * Turns the draft into a tender against what is still `remaining` (SPEC P1, P3):
 * cash pays at most the rest and the excess is change; any other method pays
 * what was typed, never more than the rest.
 */
export function tenderFromDraft(draft: TenderDraft, remaining: Cents): { tender: Tender } | { problem: DraftProblem } {
  if (remaining === 0) return { problem: 'nothingDue' };
  const typed = draft.input.trim() === '' && draft.method !== 'cash' ? remaining : parseRands(draft.input);
  if (typed === null) return { problem: 'invalidAmount' };
  if (typed === 0) return { problem: 'zero' };
  const reference = draft.reference.trim();
  if (draft.method === 'cash') {
    return { tender: { method: 'cash', amount: cents(Math.min(typed, remaining)), tendered: typed } };
  }
  if (typed > remaining) return { problem: 'onlyCashGivesChange' };
  return {
    tender: {
      method: draft.method,
      amount: typed,
      ...(reference && { reference }),
      ...(draft.method === 'mobile_money' && { provider: draft.provider }),
    },
  };
}

/** What the tenders so far leave to pay. */
export function remainingAfter(due: Cents, tenders: readonly Tender[]): Cents {
  return cents(Math.max(due - tenders.reduce((sum, tender) => sum + tender.amount, 0), 0));
}
