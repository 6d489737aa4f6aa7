import * as z from 'zod/mini';
import { MAX_CENTS } from '../money/cents.js';
import { phoneSchema } from '../auth/registration.js';
import { localIdSchema } from '../sales/sale.js';

/**
 * A customer of the shop (SPEC CU), created on any device, offline too, under an
 * id the device makes. A credit limit opens their "book" (the spaza's tab): they
 * may buy on account up to it and pay later.
 */
export const customerSchema = z.object({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  /** SA mobile number, normalized (+27…): how the till looks them up and where statements go. */
  phone: z.nullable(phoneSchema),
  /** CU1: the most the book may owe, in cents; null: no book. */
  creditLimit: z.nullable(z.int().check(z.gte(0), z.lte(MAX_CENTS))),
});
export type Customer = z.infer<typeof customerSchema>;

/** CU3: money paid against the book, in the critical lane like every payment. */
export const ACCOUNT_PAYMENT_METHODS = ['cash', 'card', 'mobile_money'] as const;

export const accountPaymentSchema = z.object({
  localId: localIdSchema,
  customerId: z.uuid(),
  amount: z.int().check(z.gte(1), z.lte(MAX_CENTS)),
  method: z.enum(ACCOUNT_PAYMENT_METHODS),
  reference: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  shiftId: z.optional(localIdSchema),
  createdAt: z.iso.datetime({ offset: true }),
});
export type AccountPayment = z.infer<typeof accountPaymentSchema>;

/**
 * UPSERT_CUSTOMER: creates a customer (no `baseVersion`) or edits one, made on
 * the version the device had (`baseVersion`, SY12): the server keeps its own
 * when the customer changed meanwhile.
 */
export const customerInputSchema = z.object({
  ...customerSchema.shape,
  baseVersion: z.optional(z.nullable(z.int().check(z.gte(1)))),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

/**
 * CU4: opening a book or raising its limit lends the shop's money, so it needs
 * `customer:credit` on top of `customer:write`; lowering or closing a book does not.
 * `previous` is the limit before the edit (undefined: a new customer).
 */
export function raisesCreditLimit(previous: number | null | undefined, next: number | null): boolean {
  if (next === null) return false;
  return previous === undefined || previous === null || next > previous;
}

/**
 * A customer as the pull brings them (CU2, CU5): with their book's balance and
 * their store credit as the server computes them from the records it holds.
 */
export const pulledCustomerSchema = z.object({
  ...customerSchema.shape,
  syncVersion: z.int().check(z.gte(1)),
  balance: z.int(),
  storeCredit: z.int(),
});
export type PulledCustomer = z.infer<typeof pulledCustomerSchema>;
