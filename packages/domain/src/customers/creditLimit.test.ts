import { describe, expect, it } from 'vitest';
import { customerInputSchema, pulledCustomerSchema, raisesCreditLimit } from './customer.js';

describe('credit limits (SPEC CU4)', () => {
  it('CU4: opening a book or raising its limit needs customer:credit; lowering or closing it does not', () => {
    expect(raisesCreditLimit(undefined, 20_000)).toBe(true);
    expect(raisesCreditLimit(undefined, null)).toBe(false);
    expect(raisesCreditLimit(null, 0)).toBe(true);
    expect(raisesCreditLimit(20_000, 30_000)).toBe(true);
    expect(raisesCreditLimit(20_000, 20_000)).toBe(false);
    expect(raisesCreditLimit(20_000, 10_000)).toBe(false);
    expect(raisesCreditLimit(20_000, null)).toBe(false);
  });

  it('CU4: an edit names the version it was made on; a new customer names none', () => {
    const customer = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Thandi', phone: null, creditLimit: null };
    expect(customerInputSchema.safeParse(customer).success).toBe(true);
    expect(customerInputSchema.safeParse({ ...customer, baseVersion: 2 }).success).toBe(true);
    expect(customerInputSchema.safeParse({ ...customer, baseVersion: 0 }).success).toBe(false);
    expect(pulledCustomerSchema.safeParse({ ...customer, syncVersion: 1, balance: -500, storeCredit: 0 }).success).toBe(
      true,
    );
  });
});
