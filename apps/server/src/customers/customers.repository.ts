import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AccountPayment, Customer, CustomerInput, Refund, SaleContent } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { accountPayments, customers, refunds, sales } from '../db/schema.js';

type CustomerRow = typeof customers.$inferSelect;

export type StoredCustomer = Customer & { syncVersion: number; changeSeq: number };

function toCustomer(row: CustomerRow): StoredCustomer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    creditLimit: row.creditLimit,
    syncVersion: row.syncVersion,
    changeSeq: row.changeSeq,
  };
}

/** A customer of the tenant in the transaction (row-level security hides the others), locked for an edit. */
export async function lockCustomer(tx: Executor, id: string): Promise<(StoredCustomer & { tenantId: string }) | null> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, id)).for('update');
  return row ? { ...toCustomer(row), tenantId: row.tenantId } : null;
}

export async function findCustomer(tx: Executor, tenantId: string, id: string): Promise<StoredCustomer | null> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
  return row ? toCustomer(row) : null;
}

/**
 * Creates a customer under the device's id for them. Returns false when the id
 * is taken by another tenant's customer (hidden by row-level security, still unique).
 */
export async function insertCustomer(
  tx: Executor,
  tenantId: string,
  userId: string,
  input: CustomerInput,
  changeSeq: number,
): Promise<boolean> {
  const created = await tx
    .insert(customers)
    .values({
      id: input.id,
      tenantId,
      name: input.name,
      phone: input.phone,
      creditLimit: input.creditLimit,
      changeSeq,
      createdBy: userId,
      updatedBy: userId,
    })
    .onConflictDoNothing({ target: customers.id })
    .returning({ id: customers.id });
  return created.length > 0;
}

/** An edit of a customer's details: a new version, a new change number. */
export async function updateCustomer(
  tx: Executor,
  userId: string,
  input: CustomerInput,
  changeSeq: number,
): Promise<number> {
  const [row] = await tx
    .update(customers)
    .set({
      name: input.name,
      phone: input.phone,
      creditLimit: input.creditLimit,
      updatedBy: userId,
      updatedAt: sql`now()`,
      syncVersion: sql`${customers.syncVersion} + 1`,
      changeSeq,
    })
    .where(eq(customers.id, input.id))
    .returning({ syncVersion: customers.syncVersion });
  if (!row) throw new Error(`customer ${input.id} vanished under its lock`);
  return row.syncVersion;
}

/**
 * Gives a customer a new change number without changing their details: their
 * book or store credit moved, and the pull must bring the new balances (SY4).
 * Customers the server does not know yet are skipped (they bring their balances when they arrive).
 */
export async function touchCustomer(tx: Executor, tenantId: string, id: string, changeSeq: number): Promise<void> {
  await tx
    .update(customers)
    .set({ changeSeq })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
}

/** Which of these customer ids the tenant has. */
export async function knownCustomers(tx: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, StoredCustomer>();
  const rows = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...ids])));
  return new Map(rows.map((row) => [row.id, toCustomer(row)]));
}

export interface PaymentOrigin {
  tenantId: string;
  branchId: string;
  deviceId: string;
}

/** CU3: stores a payment on account once (a retry changes nothing). Returns whether it is new. */
export async function insertAccountPayment(
  tx: Executor,
  origin: PaymentOrigin,
  userId: string,
  payment: AccountPayment,
): Promise<boolean> {
  const stored = await tx
    .insert(accountPayments)
    .values({
      ...origin,
      localId: payment.localId,
      customerId: payment.customerId,
      userId,
      amount: payment.amount,
      method: payment.method,
      reference: payment.reference ?? null,
      shiftId: payment.shiftId ?? null,
      createdAt: new Date(payment.createdAt),
    })
    .onConflictDoNothing()
    .returning({ id: accountPayments.id });
  return stored.length > 0;
}

/** Customers changed after `afterSeq`, in change order (SY4). */
export async function listCustomerChanges(
  tx: Executor,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<StoredCustomer[]> {
  const rows = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), gt(customers.changeSeq, afterSeq)))
    .orderBy(asc(customers.changeSeq))
    .limit(limit);
  return rows.map(toCustomer);
}

/** What the book and store-credit rules read of the customers' records (CU2, CU5), as stored. */
export interface CustomerActivity {
  sales: Pick<SaleContent, 'localId' | 'customerId' | 'createdAt' | 'tenders' | 'tendered' | 'totalAmount'>[];
  payments: AccountPayment[];
  refunds: Pick<Refund, 'localId' | 'customerId' | 'createdAt' | 'method' | 'tenders' | 'amount'>[];
}

/** Every sale, payment on account and refund of these customers the server holds. */
export async function readCustomerActivity(
  tx: Executor,
  tenantId: string,
  ids: readonly string[],
): Promise<CustomerActivity> {
  if (ids.length === 0) return { sales: [], payments: [], refunds: [] };
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const saleRows = await queryRows<{
    local_id: string;
    customer_id: string;
    created_at: Date | string;
    tenders: SaleContent['tenders'] | null;
    tendered: number;
    total_amount: number;
  }>(
    tx,
    sql`SELECT local_id, customer_id, created_at, tenders, tendered, total_amount FROM ${sales}
        WHERE ${sales.tenantId} = ${tenantId} AND ${sales.customerId} IN (${idList})`,
  );
  const paymentRows = await tx
    .select()
    .from(accountPayments)
    .where(and(eq(accountPayments.tenantId, tenantId), inArray(accountPayments.customerId, [...ids])));
  const refundRows = await tx
    .select({
      localId: refunds.localId,
      customerId: refunds.customerId,
      createdAt: refunds.createdAt,
      method: refunds.method,
      tenders: refunds.tenders,
      amount: refunds.amount,
    })
    .from(refunds)
    .where(and(eq(refunds.tenantId, tenantId), inArray(refunds.customerId, [...ids])));
  return {
    sales: saleRows.map((row) => ({
      localId: row.local_id,
      customerId: row.customer_id,
      createdAt: new Date(row.created_at).toISOString(),
      ...(row.tenders && { tenders: row.tenders }),
      tendered: row.tendered,
      totalAmount: row.total_amount,
    })),
    payments: paymentRows.map((row) => ({
      localId: row.localId,
      customerId: row.customerId,
      amount: row.amount,
      method: row.method as AccountPayment['method'],
      ...(row.reference !== null && { reference: row.reference }),
      ...(row.shiftId !== null && { shiftId: row.shiftId }),
      createdAt: row.createdAt.toISOString(),
    })),
    refunds: refundRows.map((row) => ({
      localId: row.localId,
      ...(row.customerId !== null && { customerId: row.customerId }),
      createdAt: row.createdAt.toISOString(),
      method: row.method as Refund['method'],
      ...(row.tenders !== null && { tenders: row.tenders as NonNullable<Refund['tenders']> }),
      amount: row.amount,
    })),
  };
}

/** The payments on account a device took in one of its shifts (SH7). */
export async function readShiftPayments(tx: Executor, tenantId: string, deviceId: string, shiftId: string) {
  return tx
    .select({ amount: accountPayments.amount, method: accountPayments.method })
    .from(accountPayments)
    .where(
      and(
        eq(accountPayments.tenantId, tenantId),
        eq(accountPayments.deviceId, deviceId),
        eq(accountPayments.shiftId, shiftId),
      ),
    )
    .then((rows) => rows.map((row) => ({ amount: row.amount, method: row.method as AccountPayment['method'] })));
}
