/**
 * The selling issue on the server: split tenders, VAT, rounding and the customer
 * are stored with the sale; a price override is audited and checked against its
 * approver (SPEC S6); a refund never pays back more than the sale took (RF6);
 * a void needs `sales:void`; a sale that does not add up changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Operation, SaleContent, Session, StaffMember } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, saleContentData } from '../test/operations.js';
import type { Transaction } from '../db/client.js';
import { auditLog, integrityAlerts, refunds, sales } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const PRODUCT = '00000000-0000-4000-8000-000000000001';
const CUSTOMER = '00000000-0000-4000-8000-0000000000c1';

async function cashier(owner: Session): Promise<StaffMember> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: bearer(owner),
    payload: { name: 'Thandi', role: 'CASHIER', branchIds: [owner.branch.id], pin: '1111' },
  });
  expect(response.statusCode).toBe(201);
  return response.json<StaffMember>();
}

/** A sale of one line at `price` (list price `listPrice` when overridden), split card + cash. */
function splitSale(price: number, override?: { listPrice: number; approvedBy: string }): SaleContent {
  return saleContentData({
    items: [{ productId: PRODUCT, name: 'Bread', quantity: 2, price, ...(override && { override }) }],
    totalAmount: 2 * price,
    paymentMethod: 'split',
    tenders: [
      { method: 'card', amount: 1000, reference: '4711' },
      { method: 'cash', amount: 2 * price - 1000, tendered: 2 * price },
    ],
    tendered: 2 * price + 1000,
    change: 1000,
    vat: Math.floor((2 * 2 * price * 15 + 115) / 230),
    rounding: 0,
    customerId: CUSTOMER,
    shiftId: 'shift_0000000001',
  });
}

async function rowsOf<T>(session: Session, read: (tx: Transaction) => Promise<T>): Promise<T> {
  return (await testDb()).withTenant(session.tenant.id, read);
}

describe(`selling on ${TEST_DB_KIND}`, () => {
  it('P1–P6, V3: the tenders, VAT, rounding, customer and shift are stored with the sale', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const sale = splitSale(1899);
    const [ack] = (await pushAs(app, owner, [script.sale(sale)])).acknowledgments;
    expect(ack?.status).toBe('created');
    const [row] = await rowsOf(owner, (tx) => tx.select().from(sales).where(eq(sales.localId, sale.localId)));
    expect(row).toMatchObject({
      paymentMethod: 'split',
      tendered: 4798,
      change: 1000,
      tenders: sale.tenders,
      vat: sale.vat,
      rounding: 0,
      customerId: CUSTOMER,
      shiftId: 'shift_0000000001',
    });
  });

  it('S4: a sale whose tenders do not pay it, or whose VAT is wrong, is rejected and stores nothing', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const short = { ...splitSale(1899), tenders: [{ method: 'card' as const, amount: 1000 }] };
    const wrongVat = { ...splitSale(1899), vat: 1 };
    const answers = (await pushAs(app, owner, [script.sale(short), script.sale(wrongVat)])).acknowledgments;
    expect(answers.map((ack) => ack.error?.code)).toEqual(['OT_ERR_SALE_INVALID', 'OT_ERR_SALE_INVALID']);
    expect(await rowsOf(owner, (tx) => tx.select().from(sales).where(eq(sales.tenantId, owner.tenant.id)))).toEqual([]);
  });

  it('S6: an override is audited with its approver; one approved by someone without price:override is flagged', async () => {
    const owner = await registerShop(app);
    const thandi = await cashier(owner);
    const script = new DeviceScript();
    const byOwner = splitSale(1500, { listPrice: 1899, approvedBy: owner.user.id });
    const byCashier = splitSale(1200, { listPrice: 1899, approvedBy: thandi.id });
    const as = (operation: Operation): Operation => ({ ...operation, actorId: thandi.id });
    const answers = (await pushAs(app, owner, [as(script.sale(byOwner)), as(script.sale(byCashier))])).acknowledgments;
    expect(answers.map((ack) => ack.status)).toEqual(['created', 'created']);

    const entries = await rowsOf(owner, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'sale.price_override')).orderBy(auditLog.seq),
    );
    expect(entries.map((entry) => [entry.actorUserId, entry.details])).toEqual([
      [thandi.id, expect.objectContaining({ listPrice: 1899, price: 1500, quantity: 2, userId: owner.user.id })],
      [thandi.id, expect.objectContaining({ listPrice: 1899, price: 1200, userId: thandi.id })],
    ]);
    const alerts = await rowsOf(owner, (tx) =>
      tx.select().from(integrityAlerts).where(eq(integrityAlerts.tenantId, owner.tenant.id)),
    );
    expect(alerts.map((alert) => [alert.kind, (alert.details as { reason: string }).reason])).toEqual([
      ['unauthorized', 'override-not-permitted'],
    ]);
  });

  it('RF6: refunds of a rounded sale never pay back more than it took', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const sale = saleContentData({
      items: [{ productId: PRODUCT, name: 'Bread', quantity: 1, price: 1005 }],
      totalAmount: 1005,
      tenders: [{ method: 'cash', amount: 1000, tendered: 1000 }],
      tendered: 1000,
      change: 0,
      rounding: 5,
    });
    const full = script.refund(sale, owner.device.id);
    const overpaid = { ...full, data: { ...(full.data as object), amount: 1005 } } as Operation;
    const answers = (await pushAs(app, owner, [script.sale(sale), overpaid])).acknowledgments;
    expect(answers[1]).toMatchObject({ status: 'conflict', conflict: { kind: 'REFUND_EXCEEDS_SALE', overpaid: 5 } });

    const fits = script.refund(sale, owner.device.id);
    const rounded = { ...fits, data: { ...(fits.data as object), amount: 1000 } } as Operation;
    expect((await pushAs(app, owner, [rounded])).acknowledgments[0]?.status).toBe('created');
  });

  it('ID3: a void needs sales:void, which a cashier does not have; a refund does not', async () => {
    const owner = await registerShop(app);
    const thandi = await cashier(owner);
    const script = new DeviceScript();
    const sale = saleContentData({
      items: [{ productId: PRODUCT, name: 'Bread', quantity: 1, price: 1899 }],
      totalAmount: 1899,
      tendered: 1899,
      change: 0,
    });
    const refund = script.refund(sale, owner.device.id);
    const voided = { ...refund, actorId: thandi.id, data: { ...(refund.data as object), kind: 'void' } } as Operation;
    const answers = (await pushAs(app, owner, [script.sale(sale), voided])).acknowledgments;
    expect(answers[1]?.error?.code).toBe('OT_ERR_NOT_PERMITTED');
    expect(await rowsOf(owner, (tx) => tx.select().from(refunds).where(eq(refunds.tenantId, owner.tenant.id)))).toEqual(
      [],
    );
  });
});
