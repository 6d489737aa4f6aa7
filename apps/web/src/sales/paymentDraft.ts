import { TENDER_METHODS, cents, parseRands, type Cents, type Tender, type TenderMethod } from '@opentill/domain';

/** The tender the cashier is entering: a method, an amount as typed, and the slip's reference. */
export interface TenderDraft {
  method: TenderMethod;
  /** Cash: what the customer handed over. Other methods: what they pay by it; empty means the rest. */
  input: string;
  reference: string;
  provider: NonNullable<Tender['provider']>;
}

/** CU1, CU5: more on the book than the customer's room, or more store credit than they have. */
export type CustomerTenderProblem = 'overBookRoom' | 'overStoreCredit';

export type DraftProblem = 'invalidAmount' | 'nothingDue' | 'zero' | 'onlyCashGivesChange' | CustomerTenderProblem;

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

/** What the sale's customer may still pay with, as this phone knows it (CU6); null: no customer, or not known yet. */
export interface CustomerLimits {
  /** CU1: the limit less what they owe. */
  bookRoom: number;
  /** CU5: their store credit. */
  storeCredit: number;
}

const CUSTOMER_LIMIT: Partial<Record<TenderMethod, { limit: keyof CustomerLimits; problem: CustomerTenderProblem }>> = {
  account: { limit: 'bookRoom', problem: 'overBookRoom' },
  store_credit: { limit: 'storeCredit', problem: 'overStoreCredit' },
};

/**
 * CU1, CU5: the part being entered, with the parts before it, may put on the book
 * at most the customer's room, and spend at most their store credit.
 */
export function withinCustomerLimits(
  entered: ReturnType<typeof tenderFromDraft>,
  tenders: readonly Tender[],
  limits: CustomerLimits | null,
): ReturnType<typeof tenderFromDraft> {
  if (!('tender' in entered)) return entered;
  const rule = CUSTOMER_LIMIT[entered.tender.method];
  if (!rule) return entered;
  const method = entered.tender.method;
  const asked = tenders.reduce(
    (sum, tender) => sum + (tender.method === method ? tender.amount : 0),
    entered.tender.amount,
  );
  return asked > (limits?.[rule.limit] ?? 0) ? { problem: rule.problem } : entered;
}

/** The methods the till offers: the book only with room on it, store credit only when there is some (P5, CU1, CU5). */
export function offeredMethods(limits: CustomerLimits | null): TenderMethod[] {
  return TENDER_METHODS.filter((method) => {
    const rule = CUSTOMER_LIMIT[method];
    return !rule || (limits !== null && limits[rule.limit] > 0);
  });
}
