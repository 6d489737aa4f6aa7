import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { PurchaseOrder, Session, Supplier } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp, testDb, testToken } from '../test/test-app.js';
import {
  addBranch,
  batchesAt,
  shopWithTwoTills,
  stockFigures,
  stockedProduct,
  syncTill,
  tillAt,
} from '../test/tills.js';
import { auditLog, purchaseOrders } from '../db/schema.js';
import { DeviceScript } from '../test/operations.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp(process.env.DEBUG_LOG ? { logger: { level: 'error' } } : {});
});
afterAll(async () => {
  await app.close();
});

const call = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

async function addSupplier(owner: Session, fields: Partial<Supplier> = {}): Promise<Supplier> {
  const response = await call(owner, 'POST', '/suppliers', { name: 'Clover SA', phone: '082 123 4567', ...fields });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Supplier>();
}

async function createOrder(owner: Session, body: object): Promise<PurchaseOrder> {
  const response = await call(owner, 'POST', '/purchase-orders', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<PurchaseOrder>();
}

const orderOf = async (owner: Session, id: string) =>
  (await call(owner, 'GET', `/purchase-orders/${id}`)).json<PurchaseOrder>();

/** A token of the owner's device with only these actions (a cashier, a receiver). */
async function withActions(owner: Session, permissions: string[]): Promise<Session> {
  const { tenant, branch, device, user } = owner;
  const token = await testToken({
    tenantId: tenant.id,
    branchId: branch.id,
    deviceId: device.id,
    userId: user.id,
    permissions,
  });
  return { ...owner, token };
}

async function auditActions(tenantId: string) {
  const db = await testDb();
  const rows = await db.withTenant(tenantId, (tx) =>
    tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, tenantId)),
  );
  return rows.map((row) => row.action).filter((action) => action.startsWith('supplier.'));
}

describe(`suppliers and purchase orders on ${TEST_DB_KIND}`, () => {
  it('PO1: the owner adds and changes suppliers; names are unique in the shop; bad input changes nothing', async () => {
    const owner = await registerShop(app);
    const clover = await addSupplier(owner, { email: 'orders@clover.co.za', notes: 'Delivers Tuesdays' });
    expect(clover).toMatchObject({ name: 'Clover SA', phone: '082 123 4567', active: true });
    const taken = await call(owner, 'POST', '/suppliers', { name: '  clover   sa ' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'OT_ERR_SUPPLIER_NAME_TAKEN']);
    for (const bad of [{ name: ' ' }, { name: 'Koo', phone: '12345' }, { name: 'Koo', email: 'nope' }]) {
      const refused = await call(owner, 'POST', '/suppliers', bad);
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'OT_ERR_VALIDATION']);
    }
    const changed = await call(owner, 'PATCH', `/suppliers/${clover.id}`, { phone: '+27 82 555 0000', active: false });
    expect(changed.json()).toMatchObject({
      name: 'Clover SA',
      phone: '+27 82 555 0000',
      active: false,
      notes: 'Delivers Tuesdays',
    });
    // An unknown supplier is 404 whatever its new name, even one the shop has.
    const unknown = await call(owner, 'PATCH', `/suppliers/${crypto.randomUUID()}`, { name: 'Clover SA' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'OT_ERR_SUPPLIER_NOT_FOUND']);
    await addSupplier(owner, { name: 'Albany', phone: null });
    const listed = (await call(owner, 'GET', '/suppliers')).json<{ suppliers: Supplier[] }>().suppliers;
    expect(listed.map((supplier) => supplier.name)).toEqual(['Albany', 'Clover SA']);
    expect(await auditActions(owner.tenant.id)).toEqual(['supplier.added', 'supplier.changed', 'supplier.added']);
  });

  it('PO2: orders are numbered per shop, cost from the product unless given; bad orders change nothing', async () => {
    const { owner } = await shopWithTwoTills(app);
    const bread = await stockedProduct(app, owner, 0);
    const milk = await stockedProduct(app, owner, 0);
    await syncTill(app, owner, [owner.script.product({ id: bread, cost: 1250 })]);
    const supplier = await addSupplier(owner.session);
    const first = await createOrder(owner.session, {
      supplierId: supplier.id,
      lines: [
        { productId: bread, quantity: 10 },
        { productId: milk, quantity: 6, unitCost: 1800 },
      ],
    });
    expect(first).toMatchObject({
      number: 'PO-0001',
      status: 'draft',
      supplier: { id: supplier.id, name: 'Clover SA' },
      branch: owner.session.branch,
      lines: [
        { productId: bread, quantityOrdered: 10, quantityReceived: 0, unitCost: 1250 },
        { productId: milk, quantityOrdered: 6, quantityReceived: 0, unitCost: 1800 },
      ],
      receipts: [],
    });
    const second = await createOrder(owner.session, {
      supplierId: supplier.id,
      lines: [{ productId: milk, quantity: 1 }],
    });
    expect(second.number).toBe('PO-0002');
    // Another shop numbers its own from 1.
    const other = await registerShop(app);
    const otherSupplier = await addSupplier(other);
    const otherProduct = await stockedProduct(app, { session: other, script: new DeviceScript() }, 0);
    const theirs = await createOrder(other, {
      supplierId: otherSupplier.id,
      lines: [{ productId: otherProduct, quantity: 1 }],
    });
    expect(theirs.number).toBe('PO-0001');

    const refusals: [object, number, string][] = [
      [{ supplierId: supplier.id, lines: [] }, 400, 'OT_ERR_VALIDATION'],
      [{ supplierId: supplier.id, lines: [{ productId: bread, quantity: 0 }] }, 400, 'OT_ERR_VALIDATION'],
      [
        {
          supplierId: supplier.id,
          lines: [
            { productId: bread, quantity: 1 },
            { productId: bread, quantity: 2 },
          ],
        },
        400,
        'OT_ERR_VALIDATION',
      ],
      [{ supplierId: supplier.id, lines: [{ productId: otherProduct, quantity: 1 }] }, 400, 'OT_ERR_PRODUCT_UNKNOWN'],
      [{ supplierId: otherSupplier.id, lines: [{ productId: bread, quantity: 1 }] }, 404, 'OT_ERR_SUPPLIER_NOT_FOUND'],
      [
        { supplierId: supplier.id, branchId: other.branch.id, lines: [{ productId: bread, quantity: 1 }] },
        400,
        'OT_ERR_BRANCH_UNKNOWN',
      ],
    ];
    for (const [body, status, code] of refusals) {
      const refused = await call(owner.session, 'POST', '/purchase-orders', body);
      expect([refused.statusCode, refused.json().error.code]).toEqual([status, code]);
    }
    await call(owner.session, 'PATCH', `/suppliers/${supplier.id}`, { active: false });
    const inactive = await call(owner.session, 'POST', '/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ productId: bread, quantity: 1 }],
    });
    expect([inactive.statusCode, inactive.json().error.code]).toEqual([409, 'OT_ERR_SUPPLIER_INACTIVE']);
    const listed = (await call(owner.session, 'GET', '/purchase-orders')).json<{ purchaseOrders: PurchaseOrder[] }>();
    expect(listed.purchaseOrders.map((order) => order.number)).toEqual(['PO-0002', 'PO-0001']);
  });

  it('PO2: orders made at the same time get numbers of their own, none twice', async () => {
    const { owner } = await shopWithTwoTills(app);
    const bread = await stockedProduct(app, owner, 0);
    const supplier = await addSupplier(owner.session);
    const body = { supplierId: supplier.id, lines: [{ productId: bread, quantity: 1 }] };
    const made = await Promise.all(Array.from({ length: 6 }, () => createOrder(owner.session, body)));
    expect(made.map((order) => order.number).sort()).toEqual([
      'PO-0001',
      'PO-0002',
      'PO-0003',
      'PO-0004',
      'PO-0005',
      'PO-0006',
    ]);
  });

  it('PO3/PO4: a draft is edited, sent (again), cancelled only before anything arrived; audited', async () => {
    const { owner } = await shopWithTwoTills(app);
    const bread = await stockedProduct(app, owner, 0);
    const supplier = await addSupplier(owner.session);
    const order = await createOrder(owner.session, {
      supplierId: supplier.id,
      lines: [{ productId: bread, quantity: 5 }],
    });
    const edited = await call(owner.session, 'PATCH', `/purchase-orders/${order.id}`, {
      note: 'Back door',
      lines: [{ productId: bread, quantity: 8, unitCost: 900 }],
    });
    expect(edited.json()).toMatchObject({ note: 'Back door', lines: [{ quantityOrdered: 8, unitCost: 900 }] });
    const sent = await call(owner.session, 'POST', `/purchase-orders/${order.id}/send`);
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect((await call(owner.session, 'POST', `/purchase-orders/${order.id}/send`)).json().status).toBe('sent');
    const late = await call(owner.session, 'PATCH', `/purchase-orders/${order.id}`, { note: 'Too late' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'OT_ERR_PURCHASE_ORDER_STATUS']);

    await syncTill(app, owner, [owner.script.receive(bread, 3, null, order.id)]);
    const refused = await call(owner.session, 'POST', `/purchase-orders/${order.id}/cancel`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'OT_ERR_PURCHASE_ORDER_STATUS']);
    const other = await createOrder(owner.session, {
      supplierId: supplier.id,
      lines: [{ productId: bread, quantity: 1 }],
    });
    expect((await call(owner.session, 'POST', `/purchase-orders/${other.id}/cancel`)).json().status).toBe('cancelled');
    const resend = await call(owner.session, 'POST', `/purchase-orders/${other.id}/send`);
    expect([resend.statusCode, resend.json().error.code]).toEqual([409, 'OT_ERR_PURCHASE_ORDER_STATUS']);
    expect(await auditActions(owner.session.tenant.id)).toEqual([
      'supplier.added',
      'supplier.order_created',
      'supplier.order_sent',
      'supplier.order_created',
      'supplier.order_cancelled',
    ]);
  });

  it('PO5/PO6: received in part offline, then the rest and more: part_received, then received, over-receipt shown', async () => {
    const { owner, other: till } = await shopWithTwoTills(app);
    const bread = await stockedProduct(app, owner, 0);
    const milk = await stockedProduct(app, owner, 0);
    const supplier = await addSupplier(owner.session);
    const order = await createOrder(owner.session, {
      supplierId: supplier.id,
      lines: [
        { productId: bread, quantity: 10 },
        { productId: milk, quantity: 4 },
      ],
    });
    await call(owner.session, 'POST', `/purchase-orders/${order.id}/send`);

    // Offline, the till took 6 loaves into a lot; the push comes later, once.
    const part = till.script.receive(bread, 6, { lot: 'L1', expiresOn: '2099-01-31' }, order.id);
    await syncTill(app, till, [part]);
    await syncTill(app, till, [part]); // a retry counts nothing twice
    expect(await orderOf(owner.session, order.id)).toMatchObject({
      status: 'part_received',
      lines: [{ quantityReceived: 6 }, { quantityReceived: 0 }],
      receipts: [{ productId: bread, quantity: 6, lot: 'L1', expiresOn: '2099-01-31', outcome: 'counted' }],
    });
    await syncTill(app, till, [
      till.script.receive(bread, 5, null, order.id),
      till.script.receive(milk, 4, null, order.id),
    ]);
    const done = await orderOf(owner.session, order.id);
    expect(done.status).toBe('received');
    expect(done.lines.map((line) => [line.quantityOrdered, line.quantityReceived])).toEqual([
      [10, 11],
      [4, 4],
    ]);
    expect(await stockFigures(owner.session, bread)).toMatchObject({ onHand: 11, ledgerSum: 11 });
    expect(await batchesAt(owner.session, owner.session.branch.id, bread)).toMatchObject([{ lot: 'L1', onHand: 6 }]);
  });

  it('PO5: a delivery against an unknown, cancelled, other branch’s or other shop’s order, or not on it, is booked all the same', async () => {
    const { owner } = await shopWithTwoTills(app);
    const bread = await stockedProduct(app, owner, 0);
    const milk = await stockedProduct(app, owner, 0);
    const supplier = await addSupplier(owner.session);
    const lines = [{ productId: bread, quantity: 2 }];
    const cancelled = await createOrder(owner.session, { supplierId: supplier.id, lines });
    await call(owner.session, 'POST', `/purchase-orders/${cancelled.id}/cancel`);
    const rosebank = await addBranch(app, owner.session, 'Rosebank');
    const elsewhere = await createOrder(owner.session, { supplierId: supplier.id, branchId: rosebank.id, lines });
    const open = await createOrder(owner.session, { supplierId: supplier.id, lines });
    const foreign = await registerShop(app);
    const foreignOrder = await createOrder(foreign, {
      supplierId: (await addSupplier(foreign)).id,
      lines: [
        { productId: await stockedProduct(app, { session: foreign, script: new DeviceScript() }, 0), quantity: 1 },
      ],
    });

    const answer = await syncTill(app, owner, [
      owner.script.receive(bread, 1, null, crypto.randomUUID()),
      owner.script.receive(bread, 1, null, cancelled.id),
      owner.script.receive(bread, 1, null, elsewhere.id),
      owner.script.receive(milk, 1, null, open.id),
      owner.script.receive(bread, 1, null, foreignOrder.id),
    ]);
    expect(answer.acknowledgments.map((ack) => ack.status)).toEqual([
      'created',
      'created',
      'created',
      'created',
      'created',
    ]);
    expect(await stockFigures(owner.session, bread)).toMatchObject({ onHand: 4, ledgerSum: 4 });
    expect(await stockFigures(owner.session, milk)).toMatchObject({ onHand: 1 });
    const outcomes = async (id: string) => (await orderOf(owner.session, id)).receipts.map((r) => r.outcome);
    expect(await outcomes(cancelled.id)).toEqual(['cancelled']);
    expect(await outcomes(elsewhere.id)).toEqual(['other_branch']);
    expect(await outcomes(open.id)).toEqual(['not_on_order']);
    expect((await orderOf(owner.session, open.id)).status).toBe('draft');
    expect((await orderOf(foreign, foreignOrder.id)).receipts).toEqual([]);

    // A till at Rosebank receiving against Rosebank's order counts on it.
    const rosebankTill = await tillAt(app, owner.session, rosebank);
    await syncTill(app, rosebankTill, [rosebankTill.script.receive(bread, 2, null, elsewhere.id)]);
    expect((await orderOf(owner.session, elsewhere.id)).status).toBe('received');
  });

  it('permissions: a cashier gets 401; who receives stock reads suppliers and orders but changes nothing', async () => {
    const owner = await registerShop(app);
    const supplier = await addSupplier(owner);
    const cashier = await withActions(owner, ['sync:push', 'sales:create']);
    const receiver = await withActions(owner, ['sync:push', 'stock:receive']);
    for (const [method, url] of [
      ['GET', '/suppliers'],
      ['POST', '/suppliers'],
      ['PATCH', `/suppliers/${supplier.id}`],
      ['GET', '/purchase-orders'],
      ['POST', '/purchase-orders'],
    ] as const) {
      expect((await call(cashier, method, url, method === 'GET' ? undefined : { name: 'X' })).statusCode).toBe(401);
    }
    expect((await call(receiver, 'GET', '/suppliers')).json().suppliers).toHaveLength(1);
    expect((await call(receiver, 'GET', '/purchase-orders')).statusCode).toBe(200);
    expect((await call(receiver, 'POST', '/suppliers', { name: 'Koo' })).statusCode).toBe(401);
    const db = await testDb();
    const orders = await db.withTenant(owner.tenant.id, (tx) => tx.select().from(purchaseOrders));
    expect(orders).toEqual([]);
  });
});
