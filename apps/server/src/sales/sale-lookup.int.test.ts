/**
 * Finding a sale by its receipt (SPEC RC3) for a refund on another device: by
 * the printed number or the scanned code, with the refunds already applied, in
 * the caller's shop only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  receiptCode,
  receiptNumber,
  saleLookupAnswerSchema,
  type Operation,
  type Refund,
  type Session,
} from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, signInDevice, testApp } from '../test/test-app.js';
import { DeviceScript, saleOf } from '../test/operations.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const lookup = (session: Session, receipt: string) =>
  app.inject({ method: 'GET', url: '/api/v1/sales/lookup', query: { receipt }, headers: bearer(session) });

describe(`finding a sale by its receipt on ${TEST_DB_KIND}`, () => {
  it('RC3: another device finds the sale by number or code, with its refunds so far', async () => {
    const seller = await registerShop(app);
    const script = new DeviceScript();
    const product = script.product();
    const productId = (product.data as { id: string }).id;
    const sale = saleOf([{ productId, quantity: 3, price: 1899 }]);
    await pushAs(app, seller, [
      product,
      script.sale(sale),
      script.refund(sale, seller.device.id, { lines: [{ productId, quantity: 1 }] }),
    ]);
    const other = await signInDevice(app, seller);

    const byNumber = await lookup(other, receiptNumber('T1', 1).toLowerCase());
    expect(byNumber.statusCode).toBe(200);
    const answer = saleLookupAnswerSchema.parse(byNumber.json());
    expect(answer.sales).toHaveLength(1);
    expect(answer.sales[0]).toMatchObject({
      deviceId: seller.device.id,
      receiptNumber: receiptNumber('T1', 1),
      sale: { localId: sale.localId, totalAmount: 5697, items: sale.items },
      refunds: [{ deviceId: seller.device.id, amount: 1899, method: 'cash', items: [{ productId, quantity: 1 }] }],
    });

    const byCode = await lookup(other, receiptCode(seller.device.id, sale.localId));
    expect(saleLookupAnswerSchema.parse(byCode.json()).sales[0]?.sale.localId).toBe(sale.localId);
  });

  it('RF8: a refund split between the card and cash is stored and answered with its parts', async () => {
    const seller = await registerShop(app);
    const script = new DeviceScript();
    const product = script.product();
    const productId = (product.data as { id: string }).id;
    const sale = {
      ...saleOf([{ productId, quantity: 3, price: 1899 }]),
      paymentMethod: 'split' as const,
      tenders: [
        { method: 'card' as const, amount: 3000 },
        { method: 'cash' as const, amount: 2697, tendered: 2697 },
      ],
    };
    const plain = script.refund(sale, seller.device.id, { lines: [{ productId, quantity: 2 }] });
    const parts = [
      { method: 'card' as const, amount: 3000 },
      { method: 'cash' as const, amount: 798 },
    ];
    const split = { ...plain, data: { ...(plain.data as Refund), method: 'split', tenders: parts } } as Operation;
    const pushed = await pushAs(app, seller, [product, script.sale(sale), split]);
    expect(pushed.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created', 'created']);
    const answer = saleLookupAnswerSchema.parse((await lookup(seller, receiptNumber('T1', 1))).json());
    expect(answer.sales[0]?.refunds).toEqual([
      expect.objectContaining({ amount: 3798, method: 'split', tenders: parts, kind: 'refund' }),
    ]);
  });

  it('answers 404 for a receipt of no sale here, also another shop’s, and 400 for text that is no receipt', async () => {
    const seller = await registerShop(app);
    const script = new DeviceScript();
    const product = script.product();
    const sale = saleOf([{ productId: (product.data as { id: string }).id, quantity: 1 }]);
    await pushAs(app, seller, [product, script.sale(sale)]);
    const stranger = await registerShop(app);

    for (const receipt of [receiptNumber('T1', 2), receiptCode(seller.device.id, sale.localId)]) {
      const response = await lookup(stranger, receipt);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_SALE_NOT_FOUND' } });
    }
    expect((await lookup(seller, receiptNumber('T1', 2))).statusCode).toBe(404);
    const bad = await lookup(seller, 'bread');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/sales/lookup?receipt=x' })).statusCode).toBe(401);
  });
});
