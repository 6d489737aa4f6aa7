import { useCallback } from 'react';
import { customerStanding, findCustomers, type CustomerStanding } from '../db/customers';
import type { LocalCustomer } from '../db/database';
import { useLiveValue } from '../db/live';
import { useLiveActingUser } from '../db';
import { customerAccessOf, type CustomerAccess } from './customerAccess';

/** Customers matching what is typed, live: a customer pulled or added meanwhile shows up. */
export function useCustomerSearch(query: string): LocalCustomer[] | undefined {
  const search = useCallback(() => findCustomers(query), [query]);
  return useLiveValue(search);
}

/** A customer's balances as this phone knows them (CU6), live: a sale, payment or pull updates them. */
export function useCustomerStanding(id: string | null): CustomerStanding | null | undefined {
  const read = useCallback(() => (id ? customerStanding(id) : Promise.resolve(null)), [id]);
  return useLiveValue(read);
}

/** What the person working on the phone may do with customers (CU4). */
export function useCustomerAccess(): CustomerAccess {
  const acting = useLiveActingUser();
  return customerAccessOf(acting?.role ?? null);
}
