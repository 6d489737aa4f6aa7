import {
  bookEntries,
  isTooFarInFuture,
  raisesCreditLimit,
  tendersOf,
  type Action,
  type Operation,
  type OperationErrorCode,
  type Refund,
  type Sale,
} from '@opentill/domain';
import type { Transaction } from '../db/client.js';
import { recordAudit } from '../audit/audit-log.service.js';
import { insertAlerts } from '../audit/integrity.repository.js';
import { takeChangeSeq } from '../sync/sync.repository.js';
import {
  insertAccountPayment,
  insertCustomer,
  knownCustomers,
  lockCustomer,
  readCustomerActivity,
  touchCustomer,
  updateCustomer,
  type PaymentOrigin,
} from './customers.repository.js';

export type CustomerOperation = Extract<Operation, { type: 'UPSERT_CUSTOMER' | 'RECORD_ACCOUNT_PAYMENT' }>;

export function isCustomerOperation(operation: Operation): operation is CustomerOperation {
  return operation.type === 'UPSERT_CUSTOMER' || operation.type === 'RECORD_ACCOUNT_PAYMENT';
}

export type CustomerOutcome =
  { status: 'created' | 'updated'; serverId: string } | { status: 'rejected'; code: OperationErrorCode };

/** A sale newly stored by the push, as the book needs it. */
export interface StoredSale {
  id: string;
  sale: Sale;
  actorId: string;
}

const movesBookOrCredit = (method: string) => method === 'account' || method === 'store_credit';

/**
 * A push's customer work (SPEC CU): customer edits and payments on account as
 * they come, then, once its sales and refunds are stored, a new change number for
 * every customer whose book or store credit moved (so the pull brings their
 * balances, SY4) and a flag on each book sale that took its customer over their
 * limit: a sale made offline cannot be refused (it happened), the owner checks it.
 */
export function customerPush(tx: Transaction, origin: PaymentOrigin, now: Date) {
  const moved = new Set<string>();
  const nextChange = () => takeChangeSeq(tx, origin.tenantId);
  const audit = (
    action: 'customer.created' | 'customer.updated' | 'customer.payment',
    actorId: string,
    details: Record<string, unknown>,
  ) =>
    recordAudit(tx, {
      tenantId: origin.tenantId,
      action,
      actorUserId: actorId,
      actorDeviceId: origin.deviceId,
      details,
    });

  async function upsert(
    operation: Extract<CustomerOperation, { type: 'UPSERT_CUSTOMER' }>,
    actorId: string,
    may: (action: Action) => boolean,
  ): Promise<CustomerOutcome> {
    const input = operation.data;
    const existing = await lockCustomer(tx, input.id);
    if (existing && existing.tenantId !== origin.tenantId)
      return { status: 'rejected', code: 'OT_ERR_RECORD_CONFLICT' };
    const stale =
      existing &&
      input.baseVersion !== undefined &&
      input.baseVersion !== null &&
      input.baseVersion !== existing.syncVersion;
    const refusedCredit =
      raisesCreditLimit(existing ? existing.creditLimit : undefined, input.creditLimit) && !may('customer:credit');
    if (stale || refusedCredit) {
      // The device shows its own edit: a new change number sends it the shop's version back.
      if (existing) await touchCustomer(tx, origin.tenantId, existing.id, await nextChange());
      return { status: 'rejected', code: stale ? 'OT_ERR_CUSTOMER_STALE' : 'OT_ERR_NOT_PERMITTED' };
    }
    const details = { customerId: input.id, name: input.name, creditLimit: input.creditLimit };
    if (!existing) {
      if (!(await insertCustomer(tx, origin.tenantId, actorId, input, await nextChange()))) {
        return { status: 'rejected', code: 'OT_ERR_RECORD_CONFLICT' };
      }
      await audit('customer.created', actorId, details);
      return { status: 'created', serverId: input.id };
    }
    await updateCustomer(tx, actorId, input, await nextChange());
    await audit('customer.updated', actorId, {
      ...details,
      before: { name: existing.name, phone: existing.phone, creditLimit: existing.creditLimit },
    });
    return { status: 'updated', serverId: input.id };
  }

  async function recordPayment(
    operation: Extract<CustomerOperation, { type: 'RECORD_ACCOUNT_PAYMENT' }>,
    actorId: string,
  ): Promise<CustomerOutcome> {
    const payment = operation.data;
    if (isTooFarInFuture(payment.createdAt, now)) return { status: 'rejected', code: 'OT_ERR_TIMESTAMP_FUTURE' };
    if (await insertAccountPayment(tx, origin, actorId, payment)) {
      moved.add(payment.customerId);
      const { customerId, amount, method, shiftId } = payment;
      await audit('customer.payment', actorId, { customerId, amount, method, ...(shiftId && { shiftId }) });
    }
    return { status: 'created', serverId: payment.localId };
  }

  return {
    /** Applies a customer edit or a payment on account; `may` checks the actor for CU4. */
    apply(operation: CustomerOperation, actorId: string, may: (action: Action) => boolean): Promise<CustomerOutcome> {
      return operation.type === 'UPSERT_CUSTOMER' ? upsert(operation, actorId, may) : recordPayment(operation, actorId);
    },

    /** After the push's sales and refunds are stored: new balances for the pull, and the over-limit flags. */
    async settle(sales: readonly StoredSale[], refunds: readonly Pick<Refund, 'customerId' | 'method' | 'tenders'>[]) {
      const onBook = sales.filter(({ sale }) => sale.customerId && tendersOf(sale).some((t) => t.method === 'account'));
      for (const { sale } of sales) {
        if (sale.customerId && tendersOf(sale).some((tender) => movesBookOrCredit(tender.method)))
          moved.add(sale.customerId);
      }
      for (const refund of refunds) {
        const methods = refund.tenders?.map((tender) => tender.method) ?? [refund.method];
        if (refund.customerId && methods.some(movesBookOrCredit)) moved.add(refund.customerId);
      }
      await flagOverLimit(onBook);
      // Sorted, so two pushes touching the same customers lock their rows in the same order.
      for (const id of [...moved].sort()) await touchCustomer(tx, origin.tenantId, id, await nextChange());
    },
  };

  /** CU1: a book sale after which, in the book's order (CU2), the customer owes more than their limit. */
  async function flagOverLimit(onBook: readonly StoredSale[]) {
    if (onBook.length === 0) return;
    const ids = [...new Set(onBook.map(({ sale }) => sale.customerId as string))];
    const limits = await knownCustomers(tx, origin.tenantId, ids);
    const limited = ids.filter((id) => (limits.get(id)?.creditLimit ?? null) !== null);
    const activity = await readCustomerActivity(tx, origin.tenantId, limited);
    const alerts = [];
    for (const id of limited) {
      const limit = limits.get(id)?.creditLimit ?? 0;
      const after = new Map(bookEntries(id, activity).map((entry) => [entry.reference, entry.balance]));
      for (const { id: saleId, sale, actorId } of onBook) {
        const balance = after.get(sale.localId);
        if (sale.customerId !== id || balance === undefined || balance <= limit) continue;
        alerts.push({
          tenantId: origin.tenantId,
          deviceId: origin.deviceId,
          kind: 'unauthorized' as const,
          chainSeq: sale.chain.seq,
          details: { saleId, actorId, reason: 'over-credit-limit', customerId: id, balance, creditLimit: limit },
        });
      }
    }
    await insertAlerts(tx, alerts);
  }
}
