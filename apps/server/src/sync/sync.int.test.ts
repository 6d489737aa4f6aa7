import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { PULL_PAGE_SIZE, type Acknowledgment, type Session, type SyncResponse } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, signInDevice, testApp, testDb, testToken } from '../test/test-app.js';
import { DeviceScript, saleContentData, syncBody } from '../test/operations.js';
import { integrityAlerts, sales, syncOperations } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

type Answer = SyncResponse & { error?: { code: string } };

async function sync(session: Session, operations: unknown[] = [], cursor: string | null = null) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: bearer(session),
    payload: syncBody(session, operations, cursor),
  });
  return { status: response.statusCode, body: response.json<Answer>() };
}

async function salesOf(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) => tx.select().from(sales).where(eq(sales.tenantId, session.tenant.id)));
}

async function openAlerts(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) =>
    tx
      .select()
      .from(integrityAlerts)
      .where(and(eq(integrityAlerts.tenantId, session.tenant.id), isNull(integrityAlerts.resolvedAt))),
  );
}

function statuses(acks: Acknowledgment[]) {
  return acks.map((ack) => ack.status);
}

describe(`sync push on ${TEST_DB_KIND}`, () => {
  it('SY1: stores a pushed sale with its total, items and chain link, and acknowledges it', async () => {
    const session = await registerShop(app);
    const operation = new DeviceScript().sale();
    const { status, body } = await sync(session, [operation]);
    expect(status).toBe(200);
    expect(body.acknowledgments).toEqual([
      expect.objectContaining({
        opId: operation.opId,
        lane: 'high',
        seq: 1,
        localId: operation.localId,
        status: 'created',
      }),
    ]);
    const rows = await salesOf(session);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ localId: operation.localId, totalAmount: 5997, tendered: 10000, change: 4003 });
    if (operation.type !== 'CREATE_SALE') throw new Error('not a sale');
    expect(rows[0]?.items).toEqual(operation.data.items);
    expect(rows[0]).toMatchObject({ chainSeq: 1, hash: operation.data.chain.hash, signatureKeyId: 's1' });
    expect(rows[0]?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.id).toBe(body.acknowledgments[0]?.serverId);
  });

  it('SY2: a retried push returns the stored answer and never stores the sale twice', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const operations = [device.sale(), device.sale()];
    const first = await sync(session, operations);
    for (let attempt = 0; attempt < 5; attempt++) {
      const retry = await sync(session, operations);
      expect(retry.body.acknowledgments).toEqual(first.body.acknowledgments);
    }
    expect(await salesOf(session)).toHaveLength(2);
  });

  it('SY2: concurrent retries of the same push still store each sale once', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const operations = [device.sale(), device.sale(), device.sale()];
    const results = await Promise.all(Array.from({ length: 4 }, () => sync(session, operations)));
    for (const result of results)
      expect(statuses(result.body.acknowledgments)).toEqual(['created', 'created', 'created']);
    expect(await salesOf(session)).toHaveLength(3);
  });

  it('SY3: the same operation id with different content is rejected and changes nothing', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const operation = device.sale();
    await sync(session, [operation]);
    if (operation.type !== 'CREATE_SALE') throw new Error('not a sale');
    const tampered = { ...operation, data: { ...operation.data, tendered: 20000, change: 14003 } };
    const { body } = await sync(session, [tampered]);
    expect(body.acknowledgments[0]).toMatchObject({ status: 'rejected', error: { code: 'OT_ERR_OPERATION_MISMATCH' } });
    const rows = await salesOf(session);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tendered).toBe(10000);
  });

  it('SY3: a gap in sequence numbers is refused without storing, and applies once filled', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const [one, two, three] = [device.sale(), device.sale(), device.sale()];
    const gap = await sync(session, [one, three]);
    expect(statuses(gap.body.acknowledgments)).toEqual(['created', 'refused']);
    expect(gap.body.acknowledgments[1]?.error?.code).toBe('OT_ERR_SEQUENCE_GAP');
    expect(await salesOf(session)).toHaveLength(1);

    const filled = await sync(session, [two, three]);
    expect(statuses(filled.body.acknowledgments)).toEqual(['created', 'created']);
    expect(await salesOf(session)).toHaveLength(3);
  });

  it('SY9: lanes are sequenced apart: a gap in one lane does not hold back another', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const skipped = device.sale();
    const sale2 = device.sale();
    const product = device.product();
    const { body } = await sync(session, [sale2, product]);
    expect(body.acknowledgments.map((ack) => [ack.lane, ack.seq, ack.status])).toEqual([
      ['high', 2, 'refused'],
      ['medium', 1, 'created'],
    ]);
    const after = await sync(session, [skipped, sale2]);
    expect(statuses(after.body.acknowledgments)).toEqual(['created', 'created']);
  });

  it('SY9: an operation in the wrong lane is rejected', async () => {
    const session = await registerShop(app);
    const operation = { ...new DeviceScript().sale(), lane: 'critical' };
    const { body } = await sync(session, [{ ...operation, seq: 1 }]);
    expect(body.acknowledgments[0]).toMatchObject({ status: 'rejected', error: { code: 'OT_ERR_LANE_MISMATCH' } });
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('SY6: a sale that does not add up is rejected, stored as such, and does not block the queue', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const bad = device.sale(saleContentData({ totalAmount: 1 }));
    const good = device.sale();
    const { body } = await sync(session, [bad, good]);
    expect(statuses(body.acknowledgments)).toEqual(['rejected', 'created']);
    expect(body.acknowledgments[0]?.error?.code).toBe('OT_ERR_SALE_INVALID');
    const retry = await sync(session, [bad]);
    expect(retry.body.acknowledgments).toEqual([body.acknowledgments[0]]);
    expect(await salesOf(session)).toHaveLength(1);
    const db = await testDb();
    const stored = await db.withTenant(session.tenant.id, (tx) =>
      tx.select().from(syncOperations).where(eq(syncOperations.deviceId, session.device.id)),
    );
    expect(stored).toHaveLength(2);
  });

  it('T1: a sale dated more than a day ahead is rejected', async () => {
    const session = await registerShop(app);
    const future = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    const { body } = await sync(session, [new DeviceScript().sale(saleContentData({ createdAt: future }))]);
    expect(body.acknowledgments[0]?.error?.code).toBe('OT_ERR_TIMESTAMP_FUTURE');
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('keeps devices apart: the same local id on two devices is two sales', async () => {
    const first = await registerShop(app);
    const second = await signInDevice(app, first);
    const content = saleContentData();
    await sync(first, [new DeviceScript().sale(content)]);
    await sync(second, [new DeviceScript().sale(content)]);
    expect(await salesOf(first)).toHaveLength(2);
  });

  it('accepts a gzip-compressed push', async () => {
    const session = await registerShop(app);
    const body = JSON.stringify(syncBody(session, [new DeviceScript().sale()]));
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: { ...bearer(session), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(body),
    });
    expect(response.statusCode).toBe(200);
    expect(statuses(response.json<SyncResponse>().acknowledgments)).toEqual(['created']);
  });

  it.each([
    ['not gzip at all', 'gzip', Buffer.from('{"plain": "json"}'), 400, 'OT_ERR_BAD_ENCODING'],
    ['an unsupported encoding', 'br', Buffer.from('xx'), 415, 'OT_ERR_UNSUPPORTED_MEDIA_TYPE'],
    [
      'gzip that expands past the limit',
      'gzip',
      gzipSync(`{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`),
      413,
      'OT_ERR_BODY_TOO_LARGE',
    ],
  ])('refuses a body that is %s', async (_label, encoding, payload, status, code) => {
    const session = await registerShop(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: { ...bearer(session), 'content-type': 'application/json', 'content-encoding': encoding },
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
  });
});

describe(`sale chain and signatures on ${TEST_DB_KIND}`, () => {
  it('SY10: rejects a sale whose hash does not match its content', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const sale = device.chain();
    const forged = { ...sale, tendered: 20000, change: 14003 };
    const { body } = await sync(session, [device.saleOp(forged)]);
    expect(body.acknowledgments[0]).toMatchObject({ status: 'rejected', error: { code: 'OT_ERR_CHAIN_INVALID' } });
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('SY10: a missing sale raises a gap alert, closed when the sale arrives', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const [first, second, third] = [device.chain(), device.chain(), device.chain()];
    // The device sends sales 1 and 3 under consecutive operation numbers: sale 2 is missing from the chain.
    await sync(session, [device.saleOp(first), device.saleOp(third)]);
    expect((await openAlerts(session)).map((alert) => [alert.kind, alert.chainSeq])).toEqual([['gap', 2]]);
    await sync(session, [device.saleOp(second)]);
    expect(await openAlerts(session)).toEqual([]);
  });

  it('SY10: a sale that does not link to its predecessor raises a break alert, and is kept', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const first = device.chain();
    const other = new DeviceScript();
    other.chain();
    const stranger = other.chain(); // seq 2, linked to another first sale
    await sync(session, [device.saleOp(first), device.saleOp(stranger)]);
    expect((await openAlerts(session)).map((alert) => [alert.kind, alert.chainSeq])).toEqual([['break', 2]]);
    expect(await salesOf(session)).toHaveLength(2);
  });

  it('SY10: the server signature verifies with the server key', async () => {
    const session = await registerShop(app);
    await sync(session, [new DeviceScript().sale()]);
    const [row] = await salesOf(session);
    const { loadSaleSigner } = await import('../audit/sale-signer.js');
    const signer = await loadSaleSigner(await testDb());
    const fields = {
      tenantId: session.tenant.id,
      deviceId: session.device.id,
      saleId: row?.id ?? '',
      hash: row?.hash ?? '',
    };
    expect(signer.verify(fields, row?.signature ?? '')).toBe(true);
    expect(signer.verify({ ...fields, hash: '0'.repeat(64) }, row?.signature ?? '')).toBe(false);
  });
});

describe(`sync pull on ${TEST_DB_KIND}`, () => {
  it('SY4: products pushed by one device reach another device of the shop, in order, once', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const device = new DeviceScript();
    const beans = device.product({ name: 'Koo Baked Beans 410g', price: 1899 });
    const rice = device.product({ name: 'Tastic Rice 2kg', price: 4999 });
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

    const edit = device.product({ id: beans.localId, name: 'Koo Baked Beans 410g', price: 1999, baseVersion: 1 });
    expect(statuses((await sync(owner, [edit])).body.acknowledgments)).toEqual(['updated']);
    const afterEdit = await sync(other, [], firstPull.body.cursor);
    expect(afterEdit.body.serverChanges.products).toEqual([
      expect.objectContaining({ id: beans.localId, price: 1999, syncVersion: 2 }),
    ]);
  });

  it('SY11: a deleted product reaches other devices as a tombstone', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const device = new DeviceScript();
    const product = device.product({ name: 'Discontinued Soap' });
    await sync(owner, [product]);
    const before = await sync(other);
    const removed = await sync(owner, [device.deleteProduct(product.localId)]);
    expect(statuses(removed.body.acknowledgments)).toEqual(['deleted']);
    const after = await sync(other, [], before.body.cursor);
    expect(after.body.serverChanges.products).toEqual([
      expect.objectContaining({ id: product.localId, deleted: true, isActive: false, syncVersion: 2 }),
    ]);
    // Deleting again is harmless.
    expect(statuses((await sync(owner, [device.deleteProduct(product.localId)])).body.acknowledgments)).toEqual([
      'deleted',
    ]);
  });

  it('V1: a product’s stock code, generic name, VAT class and favourite mark reach other devices; an edit without them keeps them', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const device = new DeviceScript();
    const fields = { sku: 'PAN-24', genericName: 'paracetamol', taxClass: 'zero' as const, favourite: true };
    const product = device.product({ name: 'Panado 500mg 24s', ...fields });
    await sync(owner, [product]);
    const first = await sync(other);
    expect(first.body.serverChanges.products).toEqual([expect.objectContaining({ id: product.localId, ...fields })]);
    // A device from before these fields edits the price only.
    await sync(owner, [device.product({ id: product.localId, name: 'Panado 500mg 24s', price: 4299, baseVersion: 1 })]);
    const after = await sync(other, [], first.body.cursor);
    expect(after.body.serverChanges.products).toEqual([expect.objectContaining({ price: 4299, ...fields })]);
    const plain = device.product();
    await sync(owner, [plain]);
    const last = await sync(other, [], after.body.cursor);
    expect(last.body.serverChanges.products).toEqual([
      expect.objectContaining({
        id: plain.localId,
        sku: null,
        genericName: null,
        taxClass: 'standard',
        favourite: false,
      }),
    ]);
  });

  it('SY12: an edit made on an old version is a conflict: the server keeps its version and returns both', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const mine = new DeviceScript();
    const theirs = new DeviceScript();
    const product = mine.product({ name: 'Sunlight Liquid 750ml', price: 3299 });
    await sync(owner, [product]);
    await sync(owner, [
      mine.product({ id: product.localId, name: 'Sunlight Liquid 750ml', price: 3499, baseVersion: 1 }),
    ]);
    const stale = theirs.product({ id: product.localId, name: 'Sunlight Liquid 750ml', price: 2999, baseVersion: 1 });
    const { body } = await sync(other, [stale]);
    expect(body.acknowledgments[0]).toMatchObject({ status: 'conflict' });
    expect(body.conflicts).toEqual([
      {
        opId: stale.opId,
        conflict: expect.objectContaining({
          kind: 'STALE_EDIT',
          recordId: product.localId,
          server: expect.objectContaining({ price: 3499, syncVersion: 2 }),
          device: expect.objectContaining({ price: 2999, baseVersion: 1 }),
        }),
      },
    ]);
    // Resolved by sending the edit again on the server's version.
    const resolved = theirs.product({
      id: product.localId,
      name: 'Sunlight Liquid 750ml',
      price: 2999,
      baseVersion: 2,
    });
    expect(statuses((await sync(other, [resolved])).body.acknowledgments)).toEqual(['updated']);
  });

  it('pages a large catalogue with hasMore', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const batches = PULL_PAGE_SIZE / 50 + 1;
    for (let batch = 0; batch < batches; batch++) {
      const operations = Array.from({ length: 50 }, (_, i) =>
        device.product({ name: `Item ${batch}-${i}`, barcode: null }),
      );
      await sync(session, operations);
    }
    const first = await sync(session);
    expect(first.body.serverChanges.products).toHaveLength(PULL_PAGE_SIZE);
    expect(first.body.hasMore).toBe(true);
    const second = await sync(session, [], first.body.cursor);
    expect(second.body.serverChanges.products).toHaveLength(50);
    expect(second.body.hasMore).toBe(false);
    const ids = new Set([...first.body.serverChanges.products, ...second.body.serverChanges.products].map((p) => p.id));
    expect(ids.size).toBe(PULL_PAGE_SIZE + 50);
  });

  it('isolates tenants: a shop never sees or edits another shop’s products', async () => {
    const a = await registerShop(app);
    const b = await registerShop(app);
    const product = new DeviceScript().product({ name: 'Secret Stock' });
    await sync(a, [product]);
    const pull = await sync(b);
    expect(pull.body.serverChanges.products).toEqual([]);
    const hijack = new DeviceScript().product({ id: product.localId, name: 'Hijacked', price: 1 });
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
    const token = await testToken({
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
      payload: { ...syncBody(session, [new DeviceScript().sale()]), deviceId: ghost },
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
      payload: { ...syncBody(session, [new DeviceScript().sale()]), deviceId: randomUUID() },
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
      payload: { ...syncBody(session, [new DeviceScript().sale()]), protocolVersion: 99 },
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
    const operation = new DeviceScript().sale();
    if (operation.type !== 'CREATE_SALE') throw new Error('not a sale');
    const broken = { ...operation.data, ...saleChange, items: [{ ...operation.data.items[0], ...lineChange }] };
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(session),
      payload: syncBody(session, [{ ...operation, data: broken }]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
    expect(await salesOf(session)).toHaveLength(0);
    const db = await testDb();
    const ops = await db.withTenant(session.tenant.id, (tx) =>
      tx.select().from(syncOperations).where(eq(syncOperations.deviceId, session.device.id)),
    );
    expect(ops).toHaveLength(0);
  });

  it('rejects a garbled cursor as bad input', async () => {
    const session = await registerShop(app);
    const { status, body } = await sync(session, [new DeviceScript().sale()], 'not-a-cursor');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('OT_ERR_VALIDATION');
    expect(await salesOf(session)).toHaveLength(0);
  });

  it('refuses more than 50 operations in one push', async () => {
    const session = await registerShop(app);
    const device = new DeviceScript();
    const operations = Array.from({ length: 51 }, () => device.sale());
    const { status } = await sync(session, operations);
    expect(status).toBe(400);
    expect(await salesOf(session)).toHaveLength(0);
  });
});
