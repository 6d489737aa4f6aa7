import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Acknowledgment, Session, SyncResponse } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp, testDb, testTokens } from '../test/test-app.js';
import { productOp, saleData, saleOp, syncBody } from '../test/operations.js';
import { sales, syncOperations } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function sync(session: Session, operations: unknown[] = [], cursor: string | null = null) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: bearer(session),
    payload: syncBody(session, operations, cursor),
  });
  return { status: response.statusCode, body: response.json<SyncResponse & { error?: { code: string } }>() };
}

async function salesOf(session: Session) {
  const db = await testDb();
  return db.orm.select().from(sales).where(eq(sales.tenantId, session.tenant.id));
}

function statuses(acks: Acknowledgment[]) {
  return acks.map((ack) => ack.status);
}

describe(`sync push on ${TEST_DB_KIND}`, () => {
  it('SY1: stores a pushed sale with its total and items, and acknowledges it', async () => {
    const session = await registerShop(app);
    const operation = saleOp(1);
    const { status, body } = await sync(session, [operation]);
    expect(status).toBe(200);
    expect(body.acknowledgments).toEqual([
      expect.objectContaining({ opId: operation.opId, seq: 1, localId: operation.localId, status: 'created' }),
    ]);
    const rows = await salesOf(session);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ localId: operation.localId, totalAmount: 5997, tendered: 10000, change: 4003 });
    expect(rows[0]?.items).toEqual(operation.type === 'CREATE_SALE' ? operation.data.items : []);
    expect(rows[0]?.id).toBe(body.acknowledgments[0]?.serverId);
  });

  it('SY2: a retried push returns the stored answer and never stores the sale twice', async () => {
    const session = await registerShop(app);
    const operations = [saleOp(1), saleOp(2)];
    const first = await sync(session, operations);
    for (let attempt = 0; attempt < 5; attempt++) {
      const retry = await sync(session, operations);
      expect(retry.body.acknowledgments).toEqual(first.body.acknowledgments);
    }
    expect(await salesOf(session)).toHaveLength(2);
  });

  it('SY2: concurrent retries of the same push still store each sale once', async () => {
    const session = await registerShop(app);
    const operations = [saleOp(1), saleOp(2), saleOp(3)];
    const results = await Promise.all(Array.from({ length: 4 }, () => sync(session, operations)));
    for (const result of results)
      expect(statuses(result.body.acknowledgments)).toEqual(['created', 'created', 'created']);
    expect(await salesOf(session)).toHaveLength(3);
  });

  it('SY3: the same operation id with different content is rejected and changes nothing', async () => {
    const session = await registerShop(app);
    const operation = saleOp(1);
    await sync(session, [operation]);
    const tampered = {
      ...operation,
      data: { ...saleData({ localId: operation.localId }), tendered: 20000, change: 14003 },
    };
    const { body } = await sync(session, [tampered]);
    expect(body.acknowledgments[0]).toMatchObject({ status: 'rejected', error: { code: 'OT_ERR_OPERATION_MISMATCH' } });
    const rows = await salesOf(session);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tendered).toBe(10000);
  });

  it('SY3: a gap in sequence numbers is refused without storing, and applies once filled', async () => {
    const session = await registerShop(app);
    const [one, two, three] = [saleOp(1), saleOp(2), saleOp(3)];
    const gap = await sync(session, [one, three]);
    expect(statuses(gap.body.acknowledgments)).toEqual(['created', 'refused']);
    expect(gap.body.acknowledgments[1]?.error?.code).toBe('OT_ERR_SEQUENCE_GAP');
    expect(await salesOf(session)).toHaveLength(1);

    const filled = await sync(session, [two, three]);
    expect(statuses(filled.body.acknowledgments)).toEqual(['created', 'created']);
    expect(await salesOf(session)).toHaveLength(3);
  });

  it('SY6: a sale that does not add up is rejected, stored as such, and does not block the queue', async () => {
    const session = await registerShop(app);
    const bad = saleOp(1, saleData({ totalAmount: 1 }));
    const good = saleOp(2);
    const { body } = await sync(session, [bad, good]);
    expect(statuses(body.acknowledgments)).toEqual(['rejected', 'created']);
    expect(body.acknowledgments[0]?.error?.code).toBe('OT_ERR_SALE_INVALID');
    // The rejection is the stored answer: a retry gets it again.
    const retry = await sync(session, [bad]);
    expect(retry.body.acknowledgments).toEqual([body.acknowledgments[0]]);
    expect(await salesOf(session)).toHaveLength(1);
    const db = await testDb();
    const stored = await db.orm.select().from(syncOperations).where(eq(syncOperations.deviceId, session.device.id));
    expect(stored).toHaveLength(2);
  });

  it('T1: a sale dated more than a day ahead is rejected', async () => {
    const session = await registerShop(app);
    const future = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    const { body } = await sync(session, [saleOp(1, saleData({ createdAt: future }))]);
    expect(body.acknowledgments[0]?.error?.code).toBe('OT_ERR_TIMESTAMP_FUTURE');
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('keeps devices apart: the same local id on two devices is two sales', async () => {
    const first = await registerShop(app);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { phone: (await phoneOf(first)) ?? '', pin: '2468', deviceId: randomUUID() },
    });
    const second = signIn.json<Session>();
    const data = saleData();
    await sync(first, [saleOp(1, data)]);
    await sync(second, [saleOp(1, data)]);
    expect(await salesOf(first)).toHaveLength(2);
  });
});

async function phoneOf(session: Session) {
  const db = await testDb();
  const { users } = await import('../db/schema.js');
  const [row] = await db.orm.select({ phone: users.phone }).from(users).where(eq(users.id, session.user.id));
  return row?.phone;
}

describe(`sync pull on ${TEST_DB_KIND}`, () => {
  it('SY4: products pushed by one device reach another device of the shop, in order, once', async () => {
    const owner = await registerShop(app);
    const phone = await phoneOf(owner);
    const other = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { phone, pin: '2468', deviceId: randomUUID() },
      })
    ).json<Session>();

    const beans = productOp(1, { name: 'Koo Baked Beans 410g', price: 1899 });
    const rice = productOp(2, { name: 'Tastic Rice 2kg', price: 4999 });
    const pushed = await sync(owner, [beans, rice]);
    expect(statuses(pushed.body.acknowledgments)).toEqual(['created', 'created']);

    const firstPull = await sync(other);
    expect(firstPull.body.serverChanges.products.map((p) => p.name)).toEqual([
      'Koo Baked Beans 410g',
      'Tastic Rice 2kg',
    ]);
    expect(firstPull.body.hasMore).toBe(false);

    const nothingNew = await sync(other, [], firstPull.body.cursor);
    expect(nothingNew.body.serverChanges.products).toEqual([]);

    const edit = productOp(3, { id: beans.localId, name: 'Koo Baked Beans 410g', price: 1999 });
    expect(statuses((await sync(owner, [edit])).body.acknowledgments)).toEqual(['updated']);
    const afterEdit = await sync(other, [], firstPull.body.cursor);
    expect(afterEdit.body.serverChanges.products).toEqual([
      expect.objectContaining({ id: beans.localId, price: 1999, syncVersion: 2 }),
    ]);
  });

  it('pages a large catalogue with hasMore', async () => {
    const session = await registerShop(app);
    let seq = 0;
    for (let batch = 0; batch < 11; batch++) {
      const operations = Array.from({ length: 50 }, (_, i) =>
        productOp(++seq, { name: `Item ${batch}-${i}`, barcode: null }),
      );
      await sync(session, operations);
    }
    const first = await sync(session);
    expect(first.body.serverChanges.products).toHaveLength(500);
    expect(first.body.hasMore).toBe(true);
    const second = await sync(session, [], first.body.cursor);
    expect(second.body.serverChanges.products).toHaveLength(50);
    expect(second.body.hasMore).toBe(false);
    const ids = new Set([...first.body.serverChanges.products, ...second.body.serverChanges.products].map((p) => p.id));
    expect(ids.size).toBe(550);
  });

  it('isolates tenants: a shop never sees or edits another shop’s products', async () => {
    const a = await registerShop(app);
    const b = await registerShop(app);
    const product = productOp(1, { name: 'Secret Stock' });
    await sync(a, [product]);
    const pull = await sync(b);
    expect(pull.body.serverChanges.products).toEqual([]);
    const hijack = productOp(1, { id: product.localId, name: 'Hijacked', price: 1 });
    const { body } = await sync(b, [hijack]);
    expect(body.acknowledgments[0]).toMatchObject({ status: 'rejected', error: { code: 'OT_ERR_RECORD_CONFLICT' } });
    const again = await sync(a);
    expect(again.body.serverChanges.products).toEqual([expect.objectContaining({ name: 'Secret Stock' })]);
  });
});

describe(`sync refusals on ${TEST_DB_KIND}`, () => {
  it('refuses a request without a valid token', async () => {
    const session = await registerShop(app);
    for (const headers of [{}, { authorization: 'Bearer nonsense' }, { authorization: 'Basic abc' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/sync', headers, payload: syncBody(session) });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_UNAUTHENTICATED' } });
    }
  });

  it('refuses a token for a device the server does not know', async () => {
    const session = await registerShop(app);
    const ghost = randomUUID();
    const token = await testTokens.sign({
      tenantId: session.tenant.id,
      branchId: session.branch.id,
      deviceId: ghost,
      userId: session.user.id,
      permissions: ['sync:push'],
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: { authorization: `Bearer ${token}` },
      payload: { ...syncBody(session, [saleOp(1)]), deviceId: ghost },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_DEVICE_UNKNOWN' } });
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('refuses a body whose deviceId is not the token’s device', async () => {
    const session = await registerShop(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(session),
      payload: { ...syncBody(session, [saleOp(1)]), deviceId: randomUUID() },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_DEVICE_MISMATCH' } });
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('SY7: names the reason for an unsupported protocol version and stores nothing', async () => {
    const session = await registerShop(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(session),
      payload: { ...syncBody(session, [saleOp(1)]), protocolVersion: 99 },
    });
    expect(response.statusCode).toBe(426);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_PROTOCOL_UNSUPPORTED' } });
    expect(await salesOf(session)).toHaveLength(0);
  });

  it.each([
    ['negative cents', { price: -100 }, {}],
    ['fractional cents', { price: 18.99 }, {}],
    ['fractional quantity', { quantity: 1.5 }, {}],
    ['a string price', { price: '1899' }, {}],
    ['a fractional total', {}, { totalAmount: 59.97 }],
    ['a negative tender', {}, { tendered: -1 }],
  ])('rejects a sale with %s as bad input and writes nothing', async (_label, lineChange, saleChange) => {
    const session = await registerShop(app);
    const data = saleData();
    const broken = { ...data, ...saleChange, items: [{ ...data.items[0], ...lineChange }] };
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(session),
      payload: syncBody(session, [{ ...saleOp(1, data), data: broken }]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
    expect(await salesOf(session)).toHaveLength(0);
    const db = await testDb();
    const ops = await db.orm
      .select()
      .from(syncOperations)
      .where(and(eq(syncOperations.deviceId, session.device.id)));
    expect(ops).toHaveLength(0);
  });

  it('rejects a garbled cursor as bad input', async () => {
    const session = await registerShop(app);
    const { status, body } = await sync(session, [saleOp(1)], 'not-a-cursor');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('OT_ERR_VALIDATION');
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('refuses more than 50 operations in one push', async () => {
    const session = await registerShop(app);
    const operations = Array.from({ length: 51 }, (_, i) => saleOp(i + 1));
    const { status } = await sync(session, operations);
    expect(status).toBe(400);
    expect(await salesOf(session)).toHaveLength(0);
  });
});
