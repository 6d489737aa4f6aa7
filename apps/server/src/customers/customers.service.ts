import {
  bookBalance,
  bookEntries,
  bookRoom,
  storeCreditBalance,
  storeCreditEntries,
  type CustomerStatement,
  type PulledCustomer,
} from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Executor } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { findCustomer, readCustomerActivity, type StoredCustomer } from './customers.repository.js';

/**
 * Customers as the pull sends them: with their book's balance and store credit
 * computed from every record the server holds (CU2, CU5), by the domain's rules,
 * so the device's figure and the server's can only differ by what the device has
 * not sent yet. Three reads per page, whatever its size.
 */
export async function withBalances(
  tx: Executor,
  tenantId: string,
  stored: readonly StoredCustomer[],
): Promise<PulledCustomer[]> {
  const activity = await readCustomerActivity(
    tx,
    tenantId,
    stored.map((customer) => customer.id),
  );
  return stored.map(({ changeSeq: _changeSeq, ...customer }) => ({
    ...customer,
    balance: bookBalance(bookEntries(customer.id, activity)),
    storeCredit: storeCreditBalance(storeCreditEntries(customer.id, activity)),
  }));
}

export interface CustomersService {
  /** `GET /api/v1/customers/:id/statement`: the book's entries and balance, and store credit, from the server's records. */
  statement(claims: DeviceClaims, customerId: string): Promise<CustomerStatement>;
}

export function createCustomersService(db: Db): CustomersService {
  return {
    statement: (claims, customerId) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const stored = await findCustomer(tx, claims.tenantId, customerId);
        if (!stored) throw new AppError('OT_ERR_CUSTOMER_NOT_FOUND');
        const activity = await readCustomerActivity(tx, claims.tenantId, [customerId]);
        const entries = bookEntries(customerId, activity);
        const balance = bookBalance(entries);
        const credit = storeCreditEntries(customerId, activity);
        const { changeSeq: _changeSeq, ...customer } = stored;
        return {
          customer,
          entries,
          balance,
          room: bookRoom(customer.creditLimit, balance),
          storeCredit: { entries: credit, balance: storeCreditBalance(credit) },
        };
      }),
  };
}
