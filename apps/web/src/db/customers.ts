import {
  bookEntries,
  bookRoom,
  customerInputSchema,
  normalizeZaPhone,
  storeCreditEntries,
  type AccountPayment,
  type BookEntry,
  type CustomerInput,
} from '@opentill/domain';
import { db, type LocalAccountPayment, type LocalCustomer, type LocalRefund, type LocalSale } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { getOpenShift } from './shifts';

/** Why a customer step was refused; nothing was written. */
export class CustomerError extends Error {
  constructor(readonly code: 'not-found') {
    super(code);
    this.name = 'CustomerError';
  }
}

export interface CustomerDetails {
  name: string;
  /** As typed; normalized to +27… (CU1), or empty for none. */
  phone: string;
  creditLimit: number | null;
}

/**
 * CU1, CU4: creates (no `id`) or edits a customer, offline, queued as
 * UPSERT_CUSTOMER in the same transaction. An edit names the version this phone
 * has (SY12). Bad details (an empty name, a phone that is not South African)
 * throw InvalidRecordError and write nothing.
 */
export async function saveCustomer(details: CustomerDetails, id?: string): Promise<LocalCustomer> {
  return db.transaction('rw', [db.customers, db.outbox, db.meta], async () => {
    const existing = id ? await db.customers.get(id) : undefined;
    if (id && !existing) throw new CustomerError('not-found');
    const parsed = customerInputSchema.safeParse({
      id: id ?? crypto.randomUUID(),
      name: details.name,
      phone: details.phone.trim() === '' ? null : details.phone,
      creditLimit: details.creditLimit,
      ...(existing?.syncVersion ? { baseVersion: existing.syncVersion } : {}),
    });
    if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.path.join('.')));
    const input: CustomerInput = parsed.data;
    await enqueueOperation({ type: 'UPSERT_CUSTOMER', localId: input.id, data: input });
    const customer: LocalCustomer = {
      id: input.id,
      name: input.name,
      phone: input.phone,
      creditLimit: input.creditLimit,
      serverBalance: existing?.serverBalance ?? 0,
      serverStoreCredit: existing?.serverStoreCredit ?? 0,
      awaitingPull: existing?.awaitingPull ?? [],
      syncVersion: existing?.syncVersion ?? null,
      lastModified: new Date().toISOString(),
    };
    await db.customers.put(customer);
    return customer;
  });
}

/**
 * CU3, SH7: a payment on a customer's book, in the open shift (if any), queued as
 * RECORD_ACCOUNT_PAYMENT (critical lane) in the same transaction.
 */
export async function takeAccountPayment(
  customerId: string,
  amount: number,
  method: AccountPayment['method'],
  reference = '',
  now: Date = new Date(),
): Promise<LocalAccountPayment> {
  return db.transaction('rw', [db.customers, db.accountPayments, db.shifts, db.outbox, db.meta], async () => {
    if (!(await db.customers.get(customerId))) throw new CustomerError('not-found');
    const shift = await getOpenShift();
    const payment: AccountPayment = {
      localId: `pay_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`,
      customerId,
      amount,
      method,
      ...(reference.trim() && { reference: reference.trim() }),
      ...(shift && { shiftId: shift.localId }),
      createdAt: now.toISOString(),
    };
    // The operation's schema checks the payment (whole cents above nothing) before anything is written.
    await enqueueOperation({ type: 'RECORD_ACCOUNT_PAYMENT', localId: payment.localId, data: payment });
    const local: LocalAccountPayment = { ...payment, syncState: 'pending' };
    await db.accountPayments.add(local);
    return local;
  });
}

/** Digits of a typed number in the +27 form, so "082 555" finds "+2782555…". */
function phoneDigits(query: string): string {
  const digits = query.replace(/\D/g, '');
  return digits.startsWith('0') ? `27${digits.slice(1)}` : digits;
}

/** Look-up as the cashier types: by phone (3 digits or more) or by any part of the name; at most `limit`. */
export async function findCustomers(query: string, limit = 20): Promise<LocalCustomer[]> {
  const text = query.trim().toLowerCase();
  const exact = normalizeZaPhone(query);
  if (exact) {
    const found = await db.customers.where('phone').equals(exact).toArray();
    if (found.length > 0) return found.slice(0, limit);
  }
  const digits = phoneDigits(query);
  const byPhone = digits.length >= 3 && /^[\d\s+()-]+$/.test(query.trim());
  const all = await db.customers.orderBy('name').toArray();
  return all
    .filter((customer) =>
      byPhone ? (customer.phone ?? '').replace(/\D/g, '').includes(digits) : customer.name.toLowerCase().includes(text),
    )
    .slice(0, limit);
}

export async function getCustomer(id: string): Promise<LocalCustomer | undefined> {
  return db.customers.get(id);
}

/** This phone's records of a customer, as the book reads them (rejected ones never happened). */
async function localRecords(customerId: string) {
  const [sales, refunds, payments] = await Promise.all([
    db.sales.where('customerId').equals(customerId).toArray(),
    db.refunds.where('customerId').equals(customerId).toArray(),
    db.accountPayments.where('customerId').equals(customerId).toArray(),
  ]);
  const kept = <T extends { syncState: string }>(records: T[]) => records.filter((r) => r.syncState !== 'rejected');
  return { sales: kept<LocalSale>(sales), refunds: kept<LocalRefund>(refunds), payments: kept(payments) };
}

/** A customer as the till shows them: the balances this phone knows, and the book from its own records. */
export interface CustomerStanding {
  customer: LocalCustomer;
  /** CU6: the server's balance plus this phone's records it had not counted yet. */
  balance: number;
  storeCredit: number;
  /** CU1: what more may go on the book now. */
  room: number;
  /** The book as this phone's own records tell it (offline: the server's statement is online only). */
  localEntries: BookEntry[];
  /** This phone's records of theirs not yet in the server's balance. */
  unsynced: number;
}

/**
 * CU6: the balances shown on a phone are the server's (as last pulled) plus this
 * phone's records of the customer that the server's figure does not include yet:
 * those still queued, and those accepted since that figure was pulled
 * (`awaitingPull`). Once a pulled copy includes a record, it leaves that set, so
 * no record is ever counted twice, nor dropped.
 */
export async function customerStanding(customerId: string): Promise<CustomerStanding | null> {
  const customer = await db.customers.get(customerId);
  if (!customer) return null;
  const records = await localRecords(customerId);
  const awaiting = new Set(customer.awaitingPull ?? []);
  const notCounted = <T extends { localId: string; syncState: string }>(list: readonly T[]) =>
    list.filter((record) => record.syncState === 'pending' || awaiting.has(record.localId));
  const unsynced = {
    sales: notCounted(records.sales),
    refunds: notCounted(records.refunds),
    payments: notCounted(records.payments),
  };
  const onTop = bookEntries(customerId, unsynced).reduce((sum, entry) => sum + entry.amount, 0);
  const creditOnTop = storeCreditEntries(customerId, unsynced).reduce((sum, entry) => sum + entry.amount, 0);
  const balance = customer.serverBalance + onTop;
  return {
    customer,
    balance,
    storeCredit: (customer.serverStoreCredit ?? 0) + creditOnTop,
    room: bookRoom(customer.creditLimit, balance),
    localEntries: bookEntries(customerId, records),
    unsynced: unsynced.sales.length + unsynced.refunds.length + unsynced.payments.length,
  };
}
