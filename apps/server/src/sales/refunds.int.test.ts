/**
 * Refunds through sync (SPEC RF): a refund travels in the critical lane, so it
 * can reach the server before the sale it returns. It is accepted, waits, and
 * is applied once when its sale arrives: never rejected for being early.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Operation, Refund, Session } from '@opentill/domain';
import { TEST_DB_KIND, pushAs, registerShop, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, saleOf } from '../test/operations.js';
import { auditLog, refunds, stockLedger, stockLevels } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const sync = (session: Session, operations: Operation[]) => pushAs(app, session, operations);

/** A shop with one tracked product and `onHand` units of it. */
async function shopWith(onHand: number) {
  const session = await registerShop(app);
  const script = new DeviceScript();
  const product = script.product({ trackStock: true });
  const productId = (product.data as { id: string }).id;
  await sync(session, [product, script.receive(productId, onHand)]);
  return { session, script, productId };
}

async function stockOf(session: Session, productId: string) {
  const db = await testDb();
  const [level] = await db.withTenant(session.tenant.id, (tx) =>
    tx
      .select({ onHand: stockLevels.onHand })
      .from(stockLevels)
      .where(and(eq(stockLevels.tenantId, session.tenant.id), eq(stockLevels.productId, productId))),
  );
  const [ledger] = await db.withTenant(session.tenant.id, (tx) =>
    tx
      .select({ sum: sql<string>`coalesce(sum(${stockLedger.delta}), 0)` })
      .from(stockLedger)
      .where(and(eq(stockLedger.tenantId, session.tenant.id), eq(stockLedger.productId, productId))),
  );
  return { onHand: level?.onHand, ledgerSum: Number(ledger?.sum) };
}

async function refundsOf(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) =>
    tx.select().from(refunds).where(eq(refunds.tenantId, session.tenant.id)),
  );
}

describe(`refunds on ${TEST_DB_KIND}`, () => {
  it('RF3: a refund of a stored sale is applied at once and puts the goods back', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([{ productId, quantity: 3 }]);
    await sync(session, [script.sale(sale)]);
    const body = await sync(session, [script.refund(sale, session.device.id, { lines: [{ productId, quantity: 2 }] })]);
    expect(body.acknowledgments.map((ack) => ack.status)).toEqual(['created']);
    expect(await stockOf(session, productId)).toEqual({ onHand: 9, ledgerSum: 9 });
    const [stored] = await refundsOf(session);
    expect(stored?.status).toBe('applied');
    expect(stored?.saleId).toEqual(expect.any(String));
  });

  it('RF4: a refund that overtakes its sale in a later push waits, then is applied once when the sale arrives', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([{ productId, quantity: 3 }]);
    const saleOp = script.sale(sale);
    const refundOp = script.refund(sale, session.device.id);

    const early = await sync(session, [refundOp]);
    expect(early.acknowledgments[0]).toMatchObject({ status: 'created', serverId: expect.any(String) });
    expect((await refundsOf(session))[0]?.status).toBe('awaiting_sale');
    expect(await stockOf(session, productId)).toEqual({ onHand: 10, ledgerSum: 10 });

    // The refund's answer is lost; it comes again with the sale: applied once, stock back to where it was.
    const late = await sync(session, [refundOp, saleOp]);
    expect(late.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created']);
    expect(late.acknowledgments[0]?.serverId).toBe(early.acknowledgments[0]?.serverId);
    const [stored] = await refundsOf(session);
    expect(stored?.status).toBe('applied');
    expect(await stockOf(session, productId)).toEqual({ onHand: 10, ledgerSum: 10 });
    await sync(session, [saleOp]);
    expect(await stockOf(session, productId)).toEqual({ onHand: 10, ledgerSum: 10 });
  });

  it('RF4: refunds that waited and one that comes with the sale are each judged once', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([
      { productId, quantity: 2 },
      { productId, quantity: 1 },
    ]);
    const saleOp = script.sale(sale);
    const one = { lines: [{ productId, quantity: 1 }] };
    await sync(session, [script.refund(sale, session.device.id, one), script.refund(sale, session.device.id, one)]);
    const body = await sync(session, [script.refund(sale, session.device.id, one), saleOp]);
    expect(body.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created']);
    expect((await refundsOf(session)).map((row) => row.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await stockOf(session, productId)).toEqual({ onHand: 10, ledgerSum: 10 });
  });

  it('RF4: a refund pushed ahead of its sale in the same push is applied in that push', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([{ productId, quantity: 4 }]);
    const saleOp = script.sale(sale);
    const body = await sync(session, [script.refund(sale, session.device.id), saleOp]);
    expect(body.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created']);
    expect((await refundsOf(session))[0]?.status).toBe('applied');
    expect(await stockOf(session, productId)).toEqual({ onHand: 10, ledgerSum: 10 });
  });

  it('RF3: a refund its sale does not cover is kept, moves nothing and comes back as a conflict', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([{ productId, quantity: 2 }]);
    await sync(session, [script.sale(sale)]);
    await sync(session, [script.refund(sale, session.device.id, { lines: [{ productId, quantity: 1 }] })]);
    const body = await sync(session, [script.refund(sale, session.device.id, { lines: [{ productId, quantity: 2 }] })]);
    expect(body.acknowledgments[0]?.status).toBe('conflict');
    expect(body.conflicts[0]?.conflict).toMatchObject({
      kind: 'REFUND_EXCEEDS_SALE',
      excess: [{ productId, requested: 2, refundable: 1, overpriced: false }],
    });
    expect((await refundsOf(session)).map((row) => row.status).sort()).toEqual(['applied', 'exceeds_sale']);
    expect(await stockOf(session, productId)).toEqual({ onHand: 9, ledgerSum: 9 });
  });

  it('RF5: goods written off do not come back to the shelf', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([{ productId, quantity: 2 }]);
    await sync(session, [script.sale(sale), script.refund(sale, session.device.id, { restock: false })]);
    expect((await refundsOf(session))[0]?.status).toBe('applied');
    expect(await stockOf(session, productId)).toEqual({ onHand: 8, ledgerSum: 8 });
  });

  it('RF9: every refund and void is audited once, under its actor, even when sent again under a new operation', async () => {
    const { session, script, productId } = await shopWith(10);
    const kept = saleOf([{ productId, quantity: 2 }]);
    const cancelled = saleOf([{ productId, quantity: 1 }]);
    const refund = script.refund(kept, session.device.id, { lines: [{ productId, quantity: 1 }] });
    const voided = script.refund(cancelled, session.device.id);
    const voidOp = { ...voided, data: { ...(voided.data as Refund), kind: 'void' } } as Operation;
    await sync(session, [script.sale(kept), script.sale(cancelled), refund, voidOp]);
    // The same refund again under a new operation (a phone that lost the answer and re-queued it).
    const again = { ...script.refund(kept, session.device.id), data: refund.data } as Operation;
    await sync(session, [again]);
    const db = await testDb();
    const entries = await db.withTenant(session.tenant.id, (tx) =>
      tx
        .select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, session.tenant.id), like(auditLog.action, 'sale.%'))),
    );
    expect(
      entries.map(({ action, actor, details }) => [action, actor, (details as { amount: number }).amount]),
    ).toEqual([
      ['sale.refunded', session.user.id, 1000],
      ['sale.voided', session.user.id, 1000],
    ]);
    expect(entries[0]?.details).toMatchObject({
      saleLocalId: kept.localId,
      tenders: [{ method: 'cash', amount: 1000 }],
    });
  });

  it('RF2: a refund whose amount is not the sum of its lines is rejected and stores nothing', async () => {
    const { session, script, productId } = await shopWith(10);
    const sale = saleOf([{ productId, quantity: 2 }]);
    const refund = script.refund(sale, session.device.id);
    const tampered = { ...refund, data: { ...refund.data, amount: 1 } } as Operation;
    const body = await sync(session, [script.sale(sale), tampered]);
    expect(body.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'rejected']);
    expect(body.acknowledgments[1]?.error?.code).toBe('OT_ERR_REFUND_INVALID');
    expect(await refundsOf(session)).toEqual([]);
  });
});
