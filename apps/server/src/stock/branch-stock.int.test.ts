import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, sessionWith, testApp } from '../test/test-app.js';
import { saleOf } from '../test/operations.js';
import { addBranch, shopWithTwoTills, stockedProduct, syncTill, tillAt } from '../test/tills.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const stockOf = (session: Session, productId: string) =>
  app.inject({ method: 'GET', url: `/api/v1/products/${productId}/stock`, headers: bearer(session) });

describe(`stock by branch on ${TEST_DB_KIND}`, () => {
  it('BT14: every branch’s figure with its batches that have units left, earliest expiry first', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 0);
    const rosebank = await addBranch(app, owner.session, 'Rosebank');
    const sandton = await addBranch(app, owner.session, 'Sandton');
    await syncTill(app, owner, [
      owner.script.receive(productId, 4, { lot: 'L-LATE', expiresOn: '2099-06-30' }),
      owner.script.receive(productId, 2, { lot: 'L-SOON', expiresOn: '2099-01-31' }),
    ]);
    const away = await tillAt(app, owner.session, rosebank);
    await syncTill(app, away, [away.script.receive(productId, 3, { lot: 'R-1', expiresOn: '2099-03-31' })]);
    await syncTill(app, away, [away.script.sale(saleOf([{ productId, quantity: 3 }]))]);

    const answer = await stockOf(owner.session, productId);
    expect(answer.statusCode).toBe(200);
    expect(answer.json().branches).toEqual([
      {
        branchId: owner.session.branch.id,
        branchName: 'Main',
        onHand: 6,
        batches: [
          { lot: 'L-SOON', expiresOn: '2099-01-31', onHand: 2 },
          { lot: 'L-LATE', expiresOn: '2099-06-30', onHand: 4 },
        ],
      },
      { branchId: rosebank.id, branchName: 'Rosebank', onHand: 0, batches: [] },
      { branchId: sandton.id, branchName: 'Sandton', onHand: 0, batches: [] },
    ]);
  });

  it('needs stock:read; an unknown product is 404', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 1);
    const reader = await sessionWith(owner.session, ['sync:push', 'product:read']);
    expect((await stockOf(reader, productId)).statusCode).toBe(401);
    const unknown = await stockOf(owner.session, owner.session.branch.id);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'OT_ERR_PRODUCT_NOT_FOUND']);
    const malformed = await stockOf(owner.session, 'not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });
});
