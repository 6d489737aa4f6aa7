/**
 * Customers and the book through sync (SPEC CU): customers created on a device
 * reach every device by the pull with the balances the server computes from its
 * records; book sales over the limit are kept and flagged; payments on account
 * count in the shift's report; the statement agrees with the pulled balance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type {
  CustomerStatement,
  Operation,
  PulledCustomer,
  SaleContent,
  Session,
  ShiftReportAnswer,
  StaffMember,
  SyncResponse,
  Tender,
} from '@opentill/domain';
import { LANE_OF_TYPE } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, signInDevice, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, saleContentData } from '../test/operations.js';
import { auditLog, integrityAlerts } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const PRODUCT = '00000000-0000-4000-8000-000000000001';
const SHIFT = 'shift_0000000001';

const thandi = (limit: number | null = 20_000) => ({
  id: randomUUID(),
  name: 'Thandi Mokoena',
  phone: '+27825551234',
  creditLimit: limit,
});

function saleTo(customerId: string, tenders: Tender[], extra: Partial<SaleContent> = {}): SaleContent {
  const total = tenders.reduce((sum, tender) => sum + tender.amount, 0);
  return saleContentData({
    items: [{ productId: PRODUCT, name: 'Maize meal', quantity: 1, price: total }],
    totalAmount: total,
    paymentMethod: tenders.length > 1 ? 'split' : (tenders[0]?.method ?? 'cash'),
    tenders,
    tendered: total,
    change: 0,
    customerId,
    ...extra,
  });
}

const onBook = (customerId: string, amount: number) =>
  saleTo(customerId, [{ method: 'account', amount }], { shiftId: SHIFT });

/** Pulls every page from the start and returns the customers, the last copy of each. */
async function pulledCustomers(session: Session): Promise<Map<string, PulledCustomer>> {
  const customers = new Map<string, PulledCustomer>();
  let cursor: string | null = null;
  for (;;) {
    const page: SyncResponse = await pushAs(app, session, [], cursor);
    for (const customer of page.serverChanges.customers ?? []) customers.set(customer.id, customer);
    cursor = page.cursor;
    if (!page.hasMore) return customers;
  }
}

async function statement(session: Session, customerId: string) {
  return app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}/statement`, headers: bearer(session) });
}

async function addStaff(owner: Session, role: string): Promise<StaffMember> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: bearer(owner),
    payload: { name: `Staff ${role}`, role, branchIds: [owner.branch.id], pin: '1357' },
  });
  expect(response.statusCode).toBe(201);
  return response.json<StaffMember>();
}

function openShift(seq: number): Operation {
  return {
    opId: randomUUID(),
    lane: LANE_OF_TYPE.OPEN_SHIFT,
    seq,
    type: 'OPEN_SHIFT',
    localId: SHIFT,
    data: { localId: SHIFT, float: 5000, openedAt: new Date().toISOString() },
  };
}

describe(`customers on ${TEST_DB_KIND}`, () => {
  it('CU1–CU3, SH7: a book offline — R150 on it, R100 paid in cash, R80 more — agrees on every device, the statement and the X report', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const customer = thandi();
    // The shift opens first in the critical lane; the payment follows it there.
    const answers = (
      await pushAs(app, owner, [openShift(1), script.customer(customer), script.sale(onBook(customer.id, 15_000))])
    ).acknowledgments;
    expect(answers.map((ack) => ack.status)).toEqual(['created', 'created', 'created']);
    const payment = script.accountPayment(customer.id, 10_000, { shiftId: SHIFT });
    // Critical before high, as the device sends them: the payment is seq 2 of its lane after the shift.
    const paid = { ...payment, seq: 2 } as Operation;
    const second = (await pushAs(app, owner, [paid, script.sale(onBook(customer.id, 8000))])).acknowledgments;
    expect(second.map((ack) => ack.status)).toEqual(['created', 'created']);

    const other = await signInDevice(app, owner);
    const pulled = (await pulledCustomers(other)).get(customer.id);
    expect(pulled).toEqual({ ...customer, syncVersion: 1, balance: 13_000, storeCredit: 0 });

    const answer = await statement(owner, customer.id);
    expect(answer.statusCode).toBe(200);
    const book = answer.json<CustomerStatement>();
    expect(book.entries.map(({ kind, amount, balance }) => [kind, amount, balance])).toEqual([
      ['sale', 15_000, 15_000],
      ['payment', -10_000, 5000],
      ['sale', 8000, 13_000],
    ]);
    expect(book).toMatchObject({ balance: 13_000, room: 7000, storeCredit: { balance: 0 } });

    const report = await app.inject({
      method: 'GET',
      url: `/api/v1/shifts/${owner.device.id}/${SHIFT}/report`,
      headers: bearer(owner),
    });
    const x = report.json<ShiftReportAnswer>();
    expect(x.report.paymentsOnAccount).toEqual({
      count: 1,
      amount: 10_000,
      byMethod: { cash: 10_000, card: 0, mobile_money: 0 },
    });
    expect(x.report.expectedCash).toBe(5000 + 10_000);
    expect(x.received.payments).toBe(1);

    const audited = await (
      await testDb()
    ).withTenant(owner.tenant.id, (tx) =>
      tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, owner.tenant.id)),
    );
    expect(audited.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['customer.created', 'customer.payment']),
    );
  });

  it('CU1: book sales made offline on two phones that take the customer over the limit are kept and flagged', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const customer = thandi();
    const here = new DeviceScript();
    const there = new DeviceScript();
    await pushAs(app, owner, [here.customer(customer), here.sale(onBook(customer.id, 15_000))]);
    const late = there.sale(onBook(customer.id, 8000));
    expect((await pushAs(app, other, [late])).acknowledgments[0]?.status).toBe('created');

    const alerts = await (
      await testDb()
    ).withTenant(owner.tenant.id, (tx) =>
      tx.select().from(integrityAlerts).where(eq(integrityAlerts.tenantId, owner.tenant.id)),
    );
    expect(alerts.map((alert) => [alert.kind, alert.details])).toEqual([
      [
        'unauthorized',
        expect.objectContaining({
          reason: 'over-credit-limit',
          customerId: customer.id,
          balance: 23_000,
          creditLimit: 20_000,
        }),
      ],
    ]);
    expect((await pulledCustomers(owner)).get(customer.id)?.balance).toBe(23_000);
  });

  it('CU2: a payment that overtakes its customer (critical before high) counts once they arrive', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const customer = thandi();
    const create = script.customer(customer);
    const sale = script.sale(onBook(customer.id, 5000));
    const payment = script.accountPayment(customer.id, 2000);
    const answers = (await pushAs(app, owner, [payment, create, sale])).acknowledgments;
    expect(answers.map((ack) => ack.status)).toEqual(['created', 'created', 'created']);
    expect((await pulledCustomers(owner)).get(customer.id)?.balance).toBe(3000);
  });

  it('SY4: a customer whose book moves comes back in the next pull with the new balance', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const customer = thandi();
    const first = await pushAs(app, owner, [script.customer(customer)]);
    expect(first.serverChanges.customers?.map((pulled) => pulled.balance)).toEqual([0]);
    const next = await pushAs(app, owner, [script.accountPayment(customer.id, 700)], first.cursor);
    expect(next.serverChanges.customers).toEqual([{ ...customer, syncVersion: 1, balance: -700, storeCredit: 0 }]);
    const nothing = await pushAs(app, owner, [], next.cursor);
    expect(nothing.serverChanges.customers).toEqual([]);
  });

  it('CU5: a refund to store credit gives it, a store-credit tender spends it', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const customer = thandi(null);
    const bought = saleTo(customer.id, [{ method: 'cash', amount: 5000, tendered: 5000 }]);
    const refund = script.refund(bought, owner.device.id) as Extract<Operation, { type: 'REFUND_SALE' }>;
    const toCredit = { ...refund, data: { ...refund.data, method: 'store_credit' as const, customerId: customer.id } };
    const spent = saleTo(customer.id, [
      { method: 'store_credit', amount: 3000 },
      { method: 'cash', amount: 500, tendered: 500 },
    ]);
    const answers = (
      await pushAs(app, owner, [toCredit, script.customer(customer), script.sale(bought), script.sale(spent)])
    ).acknowledgments;
    expect(answers.map((ack) => ack.status)).toEqual(['created', 'created', 'created', 'created']);
    expect((await pulledCustomers(owner)).get(customer.id)).toMatchObject({ balance: 0, storeCredit: 2000 });
    const credit = (await statement(owner, customer.id)).json<CustomerStatement>().storeCredit;
    expect(credit.entries.map(({ kind, amount }) => [kind, amount])).toEqual([
      ['refund', 5000],
      ['sale', -3000],
    ]);
  });

  it('CU4, SY12: an edit on an old version is rejected and the shop’s version comes back; one without customer:write is refused', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const customer = thandi();
    const first = await pushAs(app, owner, [script.customer(customer)]);
    const renamed = await pushAs(
      app,
      owner,
      [script.customer({ ...customer, name: 'Thandi M.', baseVersion: 1 })],
      first.cursor,
    );
    expect(renamed.acknowledgments[0]?.status).toBe('updated');
    expect(renamed.serverChanges.customers?.[0]).toMatchObject({ name: 'Thandi M.', syncVersion: 2 });

    const stale = await pushAs(
      app,
      owner,
      [script.customer({ ...customer, creditLimit: 90_000, baseVersion: 1 })],
      renamed.cursor,
    );
    expect(stale.acknowledgments[0]).toMatchObject({ status: 'rejected', error: { code: 'OT_ERR_CUSTOMER_STALE' } });
    expect(stale.serverChanges.customers?.[0]).toMatchObject({
      name: 'Thandi M.',
      creditLimit: 20_000,
      syncVersion: 2,
    });

    const stockman = await addStaff(owner, 'STOCK_CONTROLLER');
    const byStockman = { ...script.customer(thandi(null)), actorId: stockman.id };
    const payment = { ...script.accountPayment(customer.id, 100), actorId: stockman.id };
    const refused = (await pushAs(app, owner, [payment, byStockman])).acknowledgments;
    expect(refused.map((ack) => ack.error?.code)).toEqual(['OT_ERR_NOT_PERMITTED', 'OT_ERR_NOT_PERMITTED']);
    expect((await pulledCustomers(owner)).get(customer.id)?.balance).toBe(0);
  });

  it('a statement of an unknown customer, another shop’s, or a malformed id is a 4xx with a stable code', async () => {
    const owner = await registerShop(app);
    const stranger = await registerShop(app);
    const script = new DeviceScript();
    const customer = thandi();
    await pushAs(app, owner, [script.customer(customer)]);
    expect((await statement(owner, customer.id)).statusCode).toBe(200);
    const foreign = await statement(stranger, customer.id);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'OT_ERR_CUSTOMER_NOT_FOUND']);
    const unknown = await statement(owner, randomUUID());
    expect(unknown.json().error.code).toBe('OT_ERR_CUSTOMER_NOT_FOUND');
    const malformed = await statement(owner, 'not-a-uuid');
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'OT_ERR_VALIDATION']);
    // Another shop cannot take over the customer's id either.
    const taken = (await pushAs(app, stranger, [new DeviceScript().customer({ ...customer, name: 'Intruder' })]))
      .acknowledgments[0];
    expect(taken?.error?.code).toBe('OT_ERR_RECORD_CONFLICT');
    expect((await statement(owner, customer.id)).json<CustomerStatement>().customer.name).toBe('Thandi Mokoena');
  });
});
