import { refundTendersOf, tendersOf, type Acknowledgment, type PulledCustomer } from '@opentill/domain';
import { db, type LocalCustomer, type OutboxEntry } from './database';

const movesBookOrCredit = (method: string) => method === 'account' || method === 'store_credit';

/** The customer whose book or store credit this operation moves, if any. */
export function customerMovedBy(entry: OutboxEntry): string | null {
  switch (entry.type) {
    case 'RECORD_ACCOUNT_PAYMENT':
      return entry.data.customerId;
    case 'CREATE_SALE':
      return entry.data.customerId && tendersOf(entry.data).some((tender) => movesBookOrCredit(tender.method))
        ? entry.data.customerId
        : null;
    case 'REFUND_SALE':
      return entry.data.customerId && refundTendersOf(entry.data).some((tender) => movesBookOrCredit(tender.method))
        ? entry.data.customerId
        : null;
    default:
      return null;
  }
}

/**
 * CU6: the server stored a record that moves a customer's book or store credit
 * (answered `created`, or `conflict`: kept all the same). Until a pulled copy of
 * the customer brings balances that include it, it still counts on top of the
 * balances this phone holds; a payment on account is marked synced. Runs inside
 * the acknowledgments' transaction (customers and accountPayments in its scope).
 */
export async function takeCustomerAnswer(entry: OutboxEntry, status: Acknowledgment['status']): Promise<void> {
  if (entry.type === 'RECORD_ACCOUNT_PAYMENT' && (status === 'created' || status === 'rejected')) {
    await db.accountPayments.update(entry.localId, { syncState: status === 'created' ? 'synced' : 'rejected' });
  }
  if (status !== 'created' && status !== 'conflict') return;
  const customerId = customerMovedBy(entry);
  const customer = customerId ? await db.customers.get(customerId) : undefined;
  if (!customer) return;
  await db.customers.update(customer.id, { awaitingPull: [...(customer.awaitingPull ?? []), entry.localId] });
}

/** Customers with an edit of theirs still queued here: the pull must not overwrite their details. */
async function customersWithPendingEdits(): Promise<Set<string>> {
  const pending = await db.outbox.where('status').equals('pending').toArray();
  return new Set(pending.flatMap((entry) => (entry.type === 'UPSERT_CUSTOMER' ? [entry.data.id] : [])));
}

/**
 * A pull page's customers (CU2, CU5, CU6): their balances as the server computed
 * them now include every record of theirs it had accepted, so the phone's
 * `awaitingPull` empties. Details edited here and not yet sent stay as edited.
 */
export async function takePulledCustomers(customers: readonly PulledCustomer[]): Promise<void> {
  if (customers.length === 0) return;
  const editedHere = await customersWithPendingEdits();
  const known = await db.customers.bulkGet(customers.map((customer) => customer.id));
  const now = new Date().toISOString();
  await db.customers.bulkPut(
    customers.map((pulled, i): LocalCustomer => {
      const local = known[i];
      const { balance, storeCredit, ...details } = pulled;
      const kept = local && editedHere.has(pulled.id) ? local : { ...details, lastModified: now };
      return {
        ...kept,
        serverBalance: balance,
        serverStoreCredit: storeCredit,
        awaitingPull: [],
        // An edit still queued was made on the version this phone had: keep that as its base.
        syncVersion: local && editedHere.has(pulled.id) ? local.syncVersion : pulled.syncVersion,
      };
    }),
  );
}
