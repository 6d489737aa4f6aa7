import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { addCalendarDays, shopDateOf, type Operation, type PulledBatch, type Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, testApp, testDb } from '../test/test-app.js';
import { saleOf } from '../test/operations.js';
import {
  batchesAt,
  exceptionsOf,
  shopWithTwoTills,
  stockFigures,
  stockedProduct,
  syncTill,
  type Till,
} from '../test/tills.js';
import { stockBatches, stockLedger } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const sync = (till: Till, operations: Operation[] = []) => syncTill(app, till, operations);
const today = () => shopDateOf(new Date());
const inDays = (days: number) => addCalendarDays(today(), days);

/** The branch's batches of a product by lot (the ledger invariant checked, BT10). */
async function batchesOf(session: Session, productId: string) {
  const rows = await batchesAt(session, session.branch.id, productId);
  return Object.fromEntries(rows.map((row) => [row.lot, row]));
}

/** A tracked product with two lots: B expires first. */
async function twoLots(till: Till, policy: 'flag' | 'reject' = 'flag') {
  const productId = await stockedProduct(app, till, 0, { oversellPolicy: policy });
  const body = await sync(till, [
    till.script.receive(productId, 3, { lot: 'A-LATE', expiresOn: inDays(60) }),
    till.script.receive(productId, 2, { lot: 'B-SOON', expiresOn: inDays(10) }),
  ]);
  expect(body.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created']);
  return productId;
}

/** A lot that expired on the shelf yesterday, as a delivery months ago would have left it. */
async function expiredOnShelf(session: Session, productId: string, units: number) {
  const db = await testDb();
  await db.withTenant(session.tenant.id, async (tx) => {
    const [batch] = await tx
      .insert(stockBatches)
      .values({
        tenantId: session.tenant.id,
        branchId: session.branch.id,
        productId,
        lot: 'OLD',
        expiresOn: inDays(-1),
        onHand: units,
        changeSeq: 0,
      })
      .returning({ id: stockBatches.id });
    await tx.insert(stockLedger).values({
      tenantId: session.tenant.id,
      branchId: session.branch.id,
      productId,
      batchId: batch?.id,
      delta: units,
      kind: 'receipt',
    });
    await tx.execute(sql`UPDATE stock_levels SET on_hand = on_hand + ${units}
      WHERE branch_id = ${session.branch.id}::uuid AND product_id = ${productId}::uuid`);
  });
}

describe(`batches on ${TEST_DB_KIND}`, () => {
  it('BT8, BT3: deliveries go into lots; a sale takes the earliest expiry first; the tills pull the batches', async () => {
    const { owner, other } = await shopWithTwoTills(app);
    const productId = await twoLots(owner);
    await sync(owner, [owner.script.receive(productId, 1, { lot: 'A-LATE', expiresOn: inDays(60) })]);
    const sold = await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 3 }]))]);
    expect(sold.acknowledgments[0]?.status).toBe('created');

    const lots = await batchesOf(owner.session, productId);
    expect(lots['B-SOON']?.onHand).toBe(0);
    expect(lots['A-LATE']?.onHand).toBe(3);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 3, ledgerSum: 3 });

    const pulled = await sync(other);
    const batches = pulled.serverChanges.batches ?? [];
    expect(batches.filter((batch) => batch.productId === productId).sort((a, b) => (a.lot < b.lot ? -1 : 1))).toEqual<
      PulledBatch[]
    >([
      { id: lots['A-LATE']?.id as string, productId, lot: 'A-LATE', expiresOn: inDays(60), onHand: 3 },
      { id: lots['B-SOON']?.id as string, productId, lot: 'B-SOON', expiresOn: inDays(10), onHand: 0 },
    ]);
  });

  it('BT5: a picked batch is taken from first', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await twoLots(owner);
    const late = (await batchesOf(owner.session, productId))['A-LATE']?.id;
    await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 1, batchId: late }]))]);
    const lots = await batchesOf(owner.session, productId);
    expect([lots['A-LATE']?.onHand, lots['B-SOON']?.onHand]).toEqual([2, 2]);
  });

  it('BT5: a pick by someone without rx:dispense is not taken; FEFO decides and the sale is kept', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await twoLots(owner);
    const late = (await batchesOf(owner.session, productId))['A-LATE']?.id;
    const staff = await app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: bearer(owner.session),
      payload: { name: 'Thandi', role: 'CASHIER', branchIds: [owner.session.branch.id], pin: '1111' },
    });
    const cashierId = staff.json<{ id: string }>().id;
    const sale = { ...owner.script.sale(saleOf([{ productId, quantity: 1, batchId: late }])), actorId: cashierId };
    const answer = await sync(owner, [sale]);
    expect(answer.acknowledgments[0]?.status).toBe('created');
    const lots = await batchesOf(owner.session, productId);
    expect([lots['A-LATE']?.onHand, lots['B-SOON']?.onHand]).toEqual([3, 1]);
  });

  it('BT2: an expired lot is never sold; units it cannot cover are a shortfall under flag', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 0);
    await sync(owner, [owner.script.receive(productId, 1, { lot: 'FRESH', expiresOn: inDays(30) })]);
    await expiredOnShelf(owner.session, productId, 5);
    const sold = await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 2 }]))]);
    expect(sold.acknowledgments[0]?.status).toBe('created');

    const lots = await batchesOf(owner.session, productId);
    expect([lots['OLD']?.onHand, lots['FRESH']?.onHand]).toEqual([5, 0]);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 4, ledgerSum: 4 });
    expect(await exceptionsOf(owner.session)).toEqual([expect.objectContaining({ productId, shortfall: 1 })]);
  });

  it('BT2: under reject, a sale only expired stock could cover is refused', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 0, { oversellPolicy: 'reject' });
    await expiredOnShelf(owner.session, productId, 3);
    const sold = await sync(owner, [owner.script.sale(saleOf([{ productId, quantity: 1 }]))]);
    expect(sold.acknowledgments[0]).toMatchObject({
      status: 'conflict',
      conflict: { kind: 'OUT_OF_STOCK', shortages: [{ productId, requested: 1, available: 0 }] },
    });
    expect((await batchesOf(owner.session, productId))['OLD']?.onHand).toBe(3);
  });

  it('BT8: an expired lot, or a lot with a second expiry date, is refused and changes nothing', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await twoLots(owner);
    const body = await sync(owner, [
      owner.script.receive(productId, 4, { lot: 'GONE', expiresOn: inDays(-1) }),
      owner.script.receive(productId, 4, { lot: 'A-LATE', expiresOn: inDays(90) }),
    ]);
    expect(body.acknowledgments.map((ack) => [ack.status, ack.error?.code])).toEqual([
      ['rejected', 'OT_ERR_BATCH_EXPIRED'],
      ['rejected', 'OT_ERR_LOT_EXPIRY_MISMATCH'],
    ]);
    expect(Object.keys(await batchesOf(owner.session, productId))).toEqual(['A-LATE', 'B-SOON']);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 5, ledgerSum: 5 });
  });

  it('BT7: a refund goes back into the batches its sale took from, first taken first', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await twoLots(owner);
    const sale = saleOf([{ productId, quantity: 3 }]);
    await sync(owner, [owner.script.sale(sale)]);
    await sync(owner, [owner.script.refund(sale, owner.session.device.id, { lines: [{ productId, quantity: 1 }] })]);
    const lots = await batchesOf(owner.session, productId);
    expect([lots['A-LATE']?.onHand, lots['B-SOON']?.onHand]).toEqual([2, 1]);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 3, ledgerSum: 3 });
  });

  it('BT10: a batch is adjusted with a reason, never below zero', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await twoLots(owner);
    const soon = (await batchesOf(owner.session, productId))['B-SOON']?.id as string;
    const body = await sync(owner, [
      owner.script.adjust({ productId, delta: -3, reason: 'damaged', batchId: soon }),
      owner.script.adjust({ productId, delta: -2, reason: 'expired', batchId: soon }),
    ]);
    expect(body.acknowledgments.map((ack) => ack.error?.code ?? ack.status)).toEqual([
      'OT_ERR_BATCH_INSUFFICIENT',
      'created',
    ]);
    expect((await batchesOf(owner.session, productId))['B-SOON']?.onHand).toBe(0);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 3, ledgerSum: 3 });
  });
});
