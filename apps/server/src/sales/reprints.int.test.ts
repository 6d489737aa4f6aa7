/**
 * Reprints (SPEC RX2): a receipt given again is counted on its sale and written
 * in the shop's audit log under the person at the till, from any device; a
 * reprint that arrives before its sale is still audited and answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { LANE_OF_TYPE, type Operation, type Reprint, type Session } from '@opentill/domain';
import { TEST_DB_KIND, pushAs, registerShop, signInDevice, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, saleContentData } from '../test/operations.js';
import { auditLog, sales } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

function reprintOp(seq: number, data: Omit<Reprint, 'at'>): Operation {
  return {
    opId: randomUUID(),
    lane: LANE_OF_TYPE.RECORD_REPRINT,
    seq,
    type: 'RECORD_REPRINT',
    localId: randomUUID(),
    data: { ...data, at: new Date().toISOString() },
  };
}

async function reprintsOf(session: Session, localId: string) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, async (tx) => {
    const [sale] = await tx.select({ reprints: sales.reprints }).from(sales).where(eq(sales.localId, localId));
    const audited = await tx
      .select({ details: auditLog.details, actorDeviceId: auditLog.actorDeviceId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, session.tenant.id), eq(auditLog.action, 'receipt.reprinted')));
    return { count: sale?.reprints, audited };
  });
}

describe(`receipt reprints on ${TEST_DB_KIND}`, () => {
  it('RX2: each reprint, from the selling phone or another, is counted on the sale and audited', async () => {
    const seller = await registerShop(app);
    const script = new DeviceScript();
    const sale = saleContentData();
    await pushAs(app, seller, [script.sale(sale)]);
    const other = await signInDevice(app, seller);
    const ofSale = { sale: { deviceId: seller.device.id, localId: sale.localId } };

    const first = await pushAs(app, seller, [reprintOp(1, { ...ofSale, format: 'print', language: 'af' })]);
    expect(first.acknowledgments[0]?.status).toBe('created');
    await pushAs(app, other, [reprintOp(1, { ...ofSale, format: 'whatsapp', language: 'zu' })]);

    const { count, audited } = await reprintsOf(seller, sale.localId);
    expect(count).toBe(2);
    expect(audited).toEqual(
      expect.arrayContaining([
        {
          actorDeviceId: seller.device.id,
          details: expect.objectContaining({ saleLocalId: sale.localId, format: 'print', language: 'af' }),
        },
        {
          actorDeviceId: other.device.id,
          details: expect.objectContaining({ saleLocalId: sale.localId, format: 'whatsapp', language: 'zu' }),
        },
      ]),
    );
  });

  it('a reprint of a sale not here yet is audited, counts nothing, and blocks nothing behind it', async () => {
    const seller = await registerShop(app);
    const missing = { deviceId: seller.device.id, localId: 'sale_notarrived01' };
    const answer = await pushAs(app, seller, [
      reprintOp(1, { sale: missing, format: 'pdf', language: 'en' }),
      reprintOp(2, { sale: missing, format: 'escpos', language: 'en' }),
    ]);
    expect(answer.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created']);
    const { count, audited } = await reprintsOf(seller, missing.localId);
    expect(count).toBeUndefined();
    expect(audited).toHaveLength(2);
  });
});
