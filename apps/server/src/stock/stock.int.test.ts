import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { PULL_PAGE_SIZE, type Operation, type SyncResponse } from '@opentill/domain';
import { TEST_DB_KIND, bearer, testApp, testDb } from '../test/test-app.js';
import { saleOf, syncBody } from '../test/operations.js';
import { exceptionsOf, shopWithTwoTills, stockFigures, stockedProduct, syncTill, type Till } from '../test/tills.js';
import { integrityAlerts, sales } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const sync = (till: Till, operations: Operation[] = [], cursor: string | null = null) =>
  syncTill(app, till, operations, cursor);
const shop = () => shopWithTwoTills(app);
const stocked = (till: Till, onHand: number, fields: Parameters<typeof stockedProduct>[3] = {}) =>
  stockedProduct(app, till, onHand, fields);
const figures = stockFigures;

describe(`stock on ${TEST_DB_KIND}`, () => {
  it('ST1: on hand is the sum of the ledger: received, sold and adjusted', async () => {
    const { owner } = await shop();
    const productId = await stocked(owner, 5);
    await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 2 }]))]);
    await sync(owner, [
      owner.script.sale(
        saleOf([
          { productId, quantity: 1 },
          { productId, quantity: 1 },
        ]),
      ),
    ]);
    await sync(owner, [owner.script.adjust({ productId, delta: -1, reason: 'damaged' })]);
    expect(await figures(owner.session, productId)).toEqual({ onHand: 0, ledgerSum: 0, entries: 4 });
  });

  it('ST2: a retried push moves stock once', async () => {
    const { owner } = await shop();
    const productId = await stocked(owner, 5);
    const push = [owner.script.receive(productId, 3), owner.script.sale(saleOf([{ productId, quantity: 2 }]))];
    const first = await sync(owner, push);
    const again = await sync(owner, push);
    expect(again.acknowledgments).toEqual(first.acknowledgments);
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: 6, ledgerSum: 6 });
  });

  it('ST4: flag keeps both sales of the last unit and raises one exception that both devices pull', async () => {
    const { owner, other } = await shop();
    const productId = await stocked(owner, 1);
    const first = await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    const second = await sync(other, [other.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    expect([first.acknowledgments[0]?.status, second.acknowledgments[0]?.status]).toEqual(['created', 'created']);
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: -1, ledgerSum: -1 });
    const [exception, ...more] = await exceptionsOf(owner.session);
    expect(more).toEqual([]);
    expect(exception).toMatchObject({
      productId,
      shortfall: 1,
      status: 'open',
      saleIds: [second.acknowledgments[0]?.serverId],
    });

    for (const till of [owner, other]) {
      const pulled = await sync(till);
      expect(pulled.serverChanges.stock).toContainEqual({ productId, onHand: -1 });
      expect(pulled.serverChanges.stockExceptions).toEqual([
        expect.objectContaining({
          id: exception?.id,
          productId,
          productName: 'Koo Baked Beans 410g',
          shortfall: 1,
          status: 'open',
        }),
      ]);
    }
    // Another short sale adds to the open exception instead of opening a second.
    await sync(other, [other.script.sale(saleOf([{ productId, quantity: 2 }]))]);
    expect(await exceptionsOf(owner.session)).toEqual([expect.objectContaining({ shortfall: 3, status: 'open' })]);
  });

  it('ST3: reject refuses the sale that finds too little stock, keeps it as refused, and leaves no chain gap', async () => {
    const { owner, other } = await shop();
    const productId = await stocked(owner, 1, { oversellPolicy: 'reject' });
    await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    const refusedOp = other.script.sale(saleOf([{ productId, quantity: 1 }]));
    const refused = await sync(other, [refusedOp]);
    const conflict = {
      kind: 'OUT_OF_STOCK',
      entity: 'sale',
      recordId: refusedOp.localId,
      shortages: [{ productId, requested: 1, available: 0 }],
    };
    expect(refused.acknowledgments).toEqual([expect.objectContaining({ status: 'conflict', conflict })]);
    expect(refused.conflicts).toEqual([{ opId: refusedOp.opId, conflict }]);
    expect((await sync(other, [refusedOp])).acknowledgments).toEqual(refused.acknowledgments);

    // The device's next sale (after the shop received stock) links to the refused one without a gap.
    await sync(owner, [owner.script.receive(productId, 4)]);
    const next = await sync(other, [other.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    expect(next.acknowledgments[0]?.status).toBe('created');

    const db = await testDb();
    const stored = await db.withTenant(other.session.tenant.id, (tx) =>
      tx.select({ status: sales.status }).from(sales).where(eq(sales.deviceId, other.session.device.id)),
    );
    expect(stored.map((row) => row.status).sort()).toEqual(['completed', 'refused']);
    expect(
      await db.withTenant(other.session.tenant.id, (tx) =>
        tx.select().from(integrityAlerts).where(eq(integrityAlerts.deviceId, other.session.device.id)),
      ),
    ).toEqual([]);
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: 3, ledgerSum: 3 });
    expect(await exceptionsOf(owner.session)).toEqual([]);
  });

  it('ST3: a sale refused for one product moves none of its lines', async () => {
    const { owner } = await shop();
    const scarce = await stocked(owner, 1, { oversellPolicy: 'reject' });
    const plenty = await stocked(owner, 10);
    const body = await sync(owner, [
      owner.script.sale(
        saleOf([
          { productId: plenty, quantity: 3 },
          { productId: scarce, quantity: 2 },
        ]),
      ),
    ]);
    expect(body.acknowledgments[0]?.status).toBe('conflict');
    expect((await figures(owner.session, plenty)).onHand).toBe(10);
    expect((await figures(owner.session, scarce)).onHand).toBe(1);
  });

  it('ST5: an untracked product goes below zero without an exception', async () => {
    const { owner } = await shop();
    const productId = await stocked(owner, 0, { trackStock: false });
    await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 2 }]))]);
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: -2 });
    expect(await exceptionsOf(owner.session)).toEqual([]);
  });

  it('ST5: a sale of a product the server has not heard of yet is kept and counted', async () => {
    const { owner } = await shop();
    const productId = randomUUID();
    await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    await sync(owner, [owner.script.product({ id: productId, trackStock: true }), owner.script.receive(productId, 5)]);
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: 4, ledgerSum: 4 });
  });

  it('ST7: a count adjustment resolves the exception; resolving again or an unknown exception is answered plainly', async () => {
    const { owner, other } = await shop();
    const productId = await stocked(owner, 0);
    await sync(other, [other.script.sale(saleOf([{ productId, quantity: 2 }]))]);
    const [exception] = await exceptionsOf(owner.session);
    if (!exception) throw new Error('no exception raised');

    // The shelf holds 3: shown −2, so the count adds 5.
    const count = await sync(owner, [owner.script.adjust({ productId, delta: 5, exceptionId: exception.id })]);
    expect(count.acknowledgments[0]?.status).toBe('created');
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: 3, ledgerSum: 3 });
    const pulled = await sync(other);
    expect(pulled.serverChanges.stockExceptions).toEqual([
      expect.objectContaining({ id: exception.id, status: 'resolved', resolution: 'adjusted' }),
    ]);

    const again = await sync(other, [other.script.resolveException(exception.id)]);
    expect(again.acknowledgments[0]?.status).toBe('updated');
    const unknown = await sync(other, [other.script.resolveException(randomUUID())]);
    expect(unknown.acknowledgments[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'OT_ERR_EXCEPTION_UNKNOWN' },
    });
    const wrongProduct = await sync(owner, [
      owner.script.adjust({ productId: randomUUID(), delta: 1, exceptionId: exception.id }),
    ]);
    expect(wrongProduct.acknowledgments[0]).toMatchObject({ status: 'rejected' });
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: 3 });
  });

  it('ST7: "the figure is right" closes the exception without moving stock', async () => {
    const { owner } = await shop();
    const productId = await stocked(owner, 0);
    await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    const [exception] = await exceptionsOf(owner.session);
    await sync(owner, [owner.script.resolveException(exception?.id ?? '')]);
    expect(await exceptionsOf(owner.session)).toEqual([
      expect.objectContaining({ status: 'resolved', resolution: 'accepted' }),
    ]);
    expect((await figures(owner.session, productId)).onHand).toBe(-1);
  });

  it('refuses malformed stock movements whole with a 400, moving nothing', async () => {
    const { owner } = await shop();
    const productId = await stocked(owner, 4);
    const valid = owner.script.sale(saleOf([{ productId, quantity: 1 }]));
    const malformed = [
      { ...owner.script.adjust({ productId, delta: 1 }), data: { productId, delta: 0, reason: 'count' } },
      { ...owner.script.receive(productId, 1), data: { productId, quantity: -3 } },
      { ...owner.script.adjust({ productId, delta: 1 }), data: { productId, delta: 2, reason: 'because' } },
      { ...owner.script.receive(productId, 1), data: { productId: 'not-a-uuid', quantity: 1 } },
    ];
    for (const operation of malformed) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/sync',
        headers: bearer(owner.session),
        payload: syncBody(owner.session, [valid, operation]),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
    }
    expect(await figures(owner.session, productId)).toMatchObject({ onHand: 4, ledgerSum: 4, entries: 1 });
  });

  it('ST6: the stock feed pages with the catalogue and delivers every figure', async () => {
    const { owner, other } = await shop();
    // More products with stock than one page holds.
    const ids = Array.from({ length: PULL_PAGE_SIZE + 20 }, () => randomUUID());
    for (let i = 0; i < ids.length; i += 50) {
      await sync(
        owner,
        ids.slice(i, i + 50).map((id) => owner.script.product({ id, trackStock: true })),
      );
      await sync(
        owner,
        ids.slice(i, i + 50).map((id) => owner.script.receive(id, 7)),
      );
    }
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const page: SyncResponse = await sync(other, [], cursor);
      pages += 1;
      for (const level of page.serverChanges.stock) seen.set(level.productId, level.onHand);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(2);
    expect(seen.size).toBe(PULL_PAGE_SIZE + 20);
    expect([...seen.values()].every((onHand) => onHand === 7)).toBe(true);
    // Caught up: the next pull brings no figures.
    expect((await sync(other, [], cursor)).serverChanges.stock).toEqual([]);
  });
});
