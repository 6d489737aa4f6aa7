import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Branch, Session } from '@opentill/domain';
import { eq } from 'drizzle-orm';
import { devices } from '../db/schema.js';
import { TEST_DB_KIND, bearer, signInDevice, sessionWith, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, saleOf } from '../test/operations.js';
import {
  addBranch as addBranchTo,
  exceptionsOf,
  shopWithTwoTills,
  stockFigures,
  stockedProduct,
  syncTill,
  tillAt as tillAtBranch,
  type Till,
} from '../test/tills.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp(process.env.DEBUG_LOG ? { logger: { level: 'error' } } : {});
});
afterAll(async () => {
  await app.close();
});

const call = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

const addBranch = (owner: Session, name: string) => addBranchTo(app, owner, name);
const tillAt = (owner: Session, branch: Branch) => tillAtBranch(app, owner, branch);

describe(`branches on ${TEST_DB_KIND}`, () => {
  it('BR1: the owner adds and renames branches; names are unique in the shop; bad input changes nothing', async () => {
    const { owner } = await shopWithTwoTills(app);
    const rosebank = await addBranch(owner.session, 'Rosebank');
    const taken = await call(owner.session, 'POST', '/branches', { name: '  ROSEBANK ' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'OT_ERR_BRANCH_NAME_TAKEN']);
    expect((await call(owner.session, 'POST', '/branches', { name: ' ' })).statusCode).toBe(400);
    const renamed = await call(owner.session, 'PATCH', `/branches/${rosebank.id}`, { name: 'Rosebank Mall' });
    expect(renamed.json()).toEqual({ id: rosebank.id, name: 'Rosebank Mall' });
    // An unknown branch is 404 whatever its new name, even one the shop has.
    const unknown = await call(owner.session, 'PATCH', `/branches/${crypto.randomUUID()}`, { name: 'Rosebank Mall' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'OT_ERR_BRANCH_NOT_FOUND']);

    const listed = await call(owner.session, 'GET', '/branches');
    expect(listed.json().branches).toEqual([owner.session.branch, { id: rosebank.id, name: 'Rosebank Mall' }]);
  });

  it('BR2: only whoever may manage branches adds them; only whoever may manage devices moves a till', async () => {
    const { owner } = await shopWithTwoTills(app);
    const rosebank = await addBranch(owner.session, 'Rosebank');
    const cashier = await sessionWith(owner.session, ['sync:push', 'sales:create']);
    // A token without the route's action is refused as the guard refuses every such token (401).
    expect((await call(cashier, 'POST', '/branches', { name: 'Sandton' })).statusCode).toBe(401);
    expect((await call(cashier, 'PUT', '/devices/current/branch', { branchId: rosebank.id })).statusCode).toBe(401);
    expect((await call(cashier, 'GET', '/branches')).json().branches).toHaveLength(2);
  });

  it('BR3: a till moved to another branch pulls that branch’s stock afresh and sells from it', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 5);
    const rosebank = await addBranch(owner.session, 'Rosebank');
    const till: Till = { session: await signInDevice(app, owner.session), script: new DeviceScript() };
    const before = await syncTill(app, till);
    expect(before.serverChanges.stock).toContainEqual({ productId, onHand: 5 });

    const moved = await call(till.session, 'PUT', '/devices/current/branch', { branchId: rosebank.id });
    expect(moved.json()).toEqual(rosebank);
    const after = await syncTill(app, till, [], before.cursor);
    expect(after.stockReset).toBe(true);
    expect(after.serverChanges.stock).toEqual([]);
    await syncTill(app, till, [till.script.receive(productId, 2)], after.cursor);
    await syncTill(app, till, [till.script.sale(saleOf([{ productId, quantity: 1 }]))], after.cursor);

    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 5 });
    expect(await stockFigures({ ...till.session, branch: rosebank }, productId)).toMatchObject({ onHand: 1 });
    const again = await syncTill(app, till, [], after.cursor);
    expect(again.stockReset).toBeUndefined();
    expect(again.serverChanges.stock).toEqual([{ productId, onHand: 1 }]);
  });

  it('BR3: a till with a shift open is not moved: its drawer is its branch’s cash', async () => {
    const { owner } = await shopWithTwoTills(app);
    const rosebank = await addBranch(owner.session, 'Rosebank');
    const till: Till = { session: await signInDevice(app, owner.session), script: new DeviceScript() };
    await syncTill(app, till, [till.script.shift('shift_0000000001', 5000)]);
    const refused = await call(till.session, 'PUT', '/devices/current/branch', { branchId: rosebank.id });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'OT_ERR_DEVICE_SHIFT_OPEN']);
    const db = await testDb();
    const [device] = await db.withTenant(owner.session.tenant.id, (tx) =>
      tx.select({ branchId: devices.branchId }).from(devices).where(eq(devices.id, till.session.device.id)),
    );
    expect(device?.branchId).toBe(owner.session.branch.id);
  });

  it.each(['flag', 'reject'] as const)(
    'issue 7 Must show 2 (%s): two tills in each of two branches sell their branch’s last unit offline',
    async (policy) => {
      const { owner } = await shopWithTwoTills(app);
      const productId = await stockedProduct(app, owner, 1, { oversellPolicy: policy });
      const rosebank = await addBranch(owner.session, 'Rosebank');
      const main = { ...owner.session.branch };
      const tills = [
        await tillAt(owner.session, main),
        await tillAt(owner.session, main),
        await tillAt(owner.session, rosebank),
        await tillAt(owner.session, rosebank),
      ];
      await syncTill(app, tills[2] as Till, [(tills[2] as Till).script.receive(productId, 1)]);
      // Offline, each till rang up the last unit of its branch; they come back online together.
      const sales = tills.map((till) => till.script.sale(saleOf([{ productId, quantity: 1 }])));
      const answers = await Promise.all(tills.map((till, i) => syncTill(app, till, [sales[i] as never])));
      const statuses = answers.map((answer) => answer.acknowledgments[0]?.status);

      for (const [branch, pair] of [
        [main, statuses.slice(0, 2)],
        [rosebank, statuses.slice(2)],
      ] as const) {
        const figures = await stockFigures({ ...owner.session, branch }, productId);
        if (policy === 'flag') {
          expect(pair).toEqual(['created', 'created']);
          expect(figures).toMatchObject({ onHand: -1, ledgerSum: -1 });
        } else {
          expect([...pair].sort()).toEqual(['conflict', 'created']);
          expect(figures).toMatchObject({ onHand: 0, ledgerSum: 0 });
        }
      }
      const exceptions = await exceptionsOf(owner.session);
      if (policy === 'flag') {
        // One exception per branch, each for the one unit its branch did not have.
        expect(exceptions.map((e) => [e.branchId, e.shortfall]).sort()).toEqual(
          [
            [main.id, 1],
            [rosebank.id, 1],
          ].sort(),
        );
      } else {
        expect(exceptions).toEqual([]);
        const refused = answers.flatMap((answer) => answer.conflicts);
        expect(refused).toEqual([
          expect.objectContaining({ conflict: expect.objectContaining({ kind: 'OUT_OF_STOCK' }) }),
          expect.objectContaining({ conflict: expect.objectContaining({ kind: 'OUT_OF_STOCK' }) }),
        ]);
      }
    },
  );
});
