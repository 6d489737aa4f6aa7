import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Product, Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, sessionWith, testApp, testDb } from '../test/test-app.js';
import { addBranch, shopWithTwoTills, syncTill, tillAt, type Till } from '../test/tills.js';
import { auditLog } from '../db/schema.js';
import { desc, eq } from 'drizzle-orm';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp(process.env.DEBUG_LOG ? { logger: { level: 'error' } } : {});
});
afterAll(async () => {
  await app.close();
});

const call = (session: Session, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

/** A shop with a second branch, a till at each, and one product at R 18,99 that both tills have pulled. */
async function twoBranchesSelling() {
  const { owner } = await shopWithTwoTills(app);
  const rosebank = await addBranch(app, owner.session, 'Rosebank');
  const product = owner.script.product({ price: 1899 });
  const productId = (product.data as { id: string }).id;
  await syncTill(app, owner, [product]);
  const main = await tillAt(app, owner.session, owner.session.branch);
  const away = await tillAt(app, owner.session, rosebank);
  const cursors = { main: (await syncTill(app, main)).cursor, away: (await syncTill(app, away)).cursor };
  return { owner, rosebank, productId, main, away, cursors };
}

const pulled = async (till: Till, cursor: string, productId: string): Promise<Product | undefined> =>
  (await syncTill(app, till, [], cursor)).serverChanges.products.find((product) => product.id === productId);

async function lastAudit(session: Session) {
  const db = await testDb();
  const [entry] = await db.withTenant(session.tenant.id, (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.tenantId, session.tenant.id)).orderBy(desc(auditLog.seq)).limit(1),
  );
  return entry;
}

describe(`branch prices on ${TEST_DB_KIND}`, () => {
  it('BP1, BP2: a price set for one branch reaches only that branch’s tills; removed, they sell at the shop’s price', async () => {
    const { owner, rosebank, productId, main, away, cursors } = await twoBranchesSelling();
    const set = await call(owner.session, 'PUT', `/products/${productId}/branch-prices/${rosebank.id}`, {
      price: 2150,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().branchPrices).toEqual([
      { branchId: owner.session.branch.id, branchName: 'Main', price: null },
      { branchId: rosebank.id, branchName: 'Rosebank', price: 2150 },
    ]);
    expect(await pulled(away, cursors.away, productId)).toMatchObject({ price: 1899, branchPrice: 2150 });
    const atMain = await pulled(main, cursors.main, productId);
    expect(atMain?.price).toBe(1899);
    expect(atMain).not.toHaveProperty('branchPrice');
    expect(await lastAudit(owner.session)).toMatchObject({
      action: 'product.branch_price_set',
      details: { productId, branchId: rosebank.id, branchName: 'Rosebank', shopPrice: 1899, from: null, to: 2150 },
    });

    const removed = await call(owner.session, 'DELETE', `/products/${productId}/branch-prices/${rosebank.id}`);
    expect(removed.json().branchPrices[1]).toEqual({ branchId: rosebank.id, branchName: 'Rosebank', price: null });
    const after = await pulled(away, cursors.away, productId);
    expect(after?.price).toBe(1899);
    expect(after).not.toHaveProperty('branchPrice');
    expect(await lastAudit(owner.session)).toMatchObject({
      action: 'product.branch_price_removed',
      details: { from: 2150, to: null },
    });
  });

  it('BP2: a till moved to another branch pulls the catalogue again with that branch’s prices', async () => {
    const { owner, rosebank, productId, main, cursors } = await twoBranchesSelling();
    await call(owner.session, 'PUT', `/products/${productId}/branch-prices/${rosebank.id}`, { price: 2000 });
    const untouched = await syncTill(app, main, [], cursors.main);
    expect(untouched.serverChanges.products.map((product) => product.id)).toContain(productId);
    await call(main.session, 'PUT', '/devices/current/branch', { branchId: rosebank.id });
    const moved = await syncTill(app, main, [], untouched.cursor);
    expect(moved.stockReset).toBe(true);
    expect(moved.serverChanges.products.find((product) => product.id === productId)).toMatchObject({
      branchPrice: 2000,
    });
  });

  it('bad input, unknown ids and missing permission change nothing', async () => {
    const { owner, rosebank, productId } = await twoBranchesSelling();
    const url = `/products/${productId}/branch-prices/${rosebank.id}`;
    for (const body of [{ price: -1 }, { price: 12.5 }, { price: '20' }, {}]) {
      const refused = await call(owner.session, 'PUT', url, body);
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'OT_ERR_VALIDATION']);
    }
    const unknownProduct = await call(owner.session, 'PUT', `/products/${rosebank.id}/branch-prices/${rosebank.id}`, {
      price: 100,
    });
    expect([unknownProduct.statusCode, unknownProduct.json().error.code]).toEqual([404, 'OT_ERR_PRODUCT_NOT_FOUND']);
    const unknownBranch = await call(owner.session, 'PUT', `/products/${productId}/branch-prices/${productId}`, {
      price: 100,
    });
    expect([unknownBranch.statusCode, unknownBranch.json().error.code]).toEqual([404, 'OT_ERR_BRANCH_NOT_FOUND']);

    const cashier = await sessionWith(owner.session, ['sync:push', 'sales:create', 'product:read']);
    expect((await call(cashier, 'PUT', url, { price: 100 })).statusCode).toBe(401);
    expect((await call(cashier, 'DELETE', url)).statusCode).toBe(401);
    const read = await call(cashier, 'GET', `/products/${productId}/branch-prices`);
    expect(read.json().branchPrices.map((row: { price: number | null }) => row.price)).toEqual([null, null]);

    const deleted = owner.script.deleteProduct(productId);
    await syncTill(app, owner, [deleted]);
    const gone = await call(owner.session, 'PUT', url, { price: 100 });
    expect([gone.statusCode, gone.json().error.code]).toEqual([404, 'OT_ERR_PRODUCT_NOT_FOUND']);
  });
});
