import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Session } from '@opentill/domain';
import { auditLog } from '../db/schema.js';
import { TEST_DB_KIND, bearer, testApp, testDb } from '../test/test-app.js';
import { shopWithTwoTills, stockFigures, stockedProduct, syncTill } from '../test/tills.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function staffMember(owner: Session, role: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: bearer(owner),
    payload: { name: `Person ${role}`, role, branchIds: [owner.branch.id], pin: '1357' },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

async function lastAudit(session: Session) {
  const db = await testDb();
  const [entry] = await db.withTenant(session.tenant.id, (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.tenantId, session.tenant.id)).orderBy(desc(auditLog.seq)).limit(1),
  );
  return entry;
}

describe(`stock counts on ${TEST_DB_KIND}`, () => {
  it('SC3: a count’s variance counted by an assistant moves stock with a manager’s approval, and is audited', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 10);
    const assistant = await staffMember(owner.session, 'PHARMACIST_ASSISTANT');
    const manager = await staffMember(owner.session, 'BRANCH_MANAGER');
    const countId = randomUUID();
    const counted = owner.script.adjust({ productId, delta: -3, reason: 'count', countId, approvedBy: manager });
    const answer = await syncTill(app, owner, [{ ...counted, actorId: assistant }]);
    expect(answer.acknowledgments.map((ack) => ack.status)).toEqual(['created']);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 7 });
    expect(await lastAudit(owner.session)).toMatchObject({
      action: 'stock.count_approved',
      actorUserId: assistant,
      details: { countId, productId, delta: -3, userId: manager },
    });
  });

  it('SC3: approved by someone without stock:approve, or by nobody known, it is refused and moves nothing', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 10);
    const cashier = await staffMember(owner.session, 'CASHIER');
    const countId = randomUUID();
    const byCashier = owner.script.adjust({ productId, delta: -3, reason: 'count', countId, approvedBy: cashier });
    const byNobody = owner.script.adjust({ productId, delta: 2, reason: 'count', countId, approvedBy: randomUUID() });
    const answer = await syncTill(app, owner, [byCashier, byNobody]);
    expect(answer.acknowledgments.map((ack) => [ack.status, ack.error?.code])).toEqual([
      ['rejected', 'OT_ERR_NOT_PERMITTED'],
      ['rejected', 'OT_ERR_NOT_PERMITTED'],
    ]);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 10 });
  });

  it('SC4: an assistant’s count of one product needs a manager’s approval; a pharmacist’s books at once', async () => {
    const { owner } = await shopWithTwoTills(app);
    const productId = await stockedProduct(app, owner, 10);
    const assistant = await staffMember(owner.session, 'PHARMACIST_ASSISTANT');
    const pharmacist = await staffMember(owner.session, 'PHARMACIST');
    const manager = await staffMember(owner.session, 'BRANCH_MANAGER');
    const alone = { ...owner.script.adjust({ productId, delta: -4, reason: 'count' }), actorId: assistant };
    const approved = {
      ...owner.script.adjust({ productId, delta: -2, reason: 'count', approvedBy: manager }),
      actorId: assistant,
    };
    const byPharmacist = { ...owner.script.adjust({ productId, delta: -1, reason: 'count' }), actorId: pharmacist };
    const answer = await syncTill(app, owner, [alone, approved, byPharmacist]);
    expect(answer.acknowledgments.map((ack) => [ack.status, ack.error?.code])).toEqual([
      ['rejected', 'OT_ERR_NOT_PERMITTED'],
      ['created', undefined],
      ['created', undefined],
    ]);
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 7 });
  });
});
