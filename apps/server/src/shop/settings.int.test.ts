/**
 * The shop's settings (SPEC SS): the owner changes cash rounding online, it is
 * audited, and every till of the shop gets it with its next sync answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Session, SyncResponse } from '@opentill/domain';
import {
  TEST_DB_KIND,
  bearer,
  pushAs,
  registerShop,
  signInDevice,
  testApp,
  testDb,
  testToken,
} from '../test/test-app.js';
import { auditLog } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const settingsOf = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/shop/settings', headers });
const change = (headers: Record<string, string>, payload: unknown) =>
  app.inject({ method: 'PATCH', url: '/api/v1/shop/settings', headers, payload: payload as object });

async function auditedChanges(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) =>
    tx
      .select({ details: auditLog.details, actorUserId: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, session.tenant.id), eq(auditLog.action, 'shop.settings_changed'))),
  );
}

describe(`shop settings on ${TEST_DB_KIND}`, () => {
  it('SS1–SS3: exact totals by default; the owner turns cash rounding on, audited, and every till hears it', async () => {
    const owner = await registerShop(app);
    const till = await signInDevice(app, owner);
    expect((await settingsOf(bearer(till))).json()).toEqual({ cashRounding: false });
    expect((await pushAs(app, till, [])).shop).toEqual({ cashRounding: false });

    const changed = await change(bearer(owner), { cashRounding: true });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ cashRounding: true });
    const answer: SyncResponse = await pushAs(app, till, []);
    expect(answer.shop).toEqual({ cashRounding: true });
    expect(await auditedChanges(owner)).toEqual([
      { actorUserId: owner.user.id, details: { before: { cashRounding: false }, after: { cashRounding: true } } },
    ]);
  });

  it('refuses bad input and those without `settings:write`, and changes nothing', async () => {
    const owner = await registerShop(app);
    for (const payload of [{ cashRounding: 'yes' }, { cashRounding: null }, {}, []]) {
      const response = await change(bearer(owner), payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
    }
    const cashier = await testToken({
      tenantId: owner.tenant.id,
      branchId: owner.branch.id,
      deviceId: owner.device.id,
      userId: owner.user.id,
      permissions: ['sync:push', 'sales:create'],
    });
    expect(
      (await change({ authorization: `Bearer ${cashier}` }, { cashRounding: true })).statusCode,
    ).toBeGreaterThanOrEqual(400);
    expect((await settingsOf(bearer(owner))).json()).toEqual({ cashRounding: false });
    expect(await auditedChanges(owner)).toEqual([]);
  });
});
