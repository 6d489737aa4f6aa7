/**
 * The shop's settings (SPEC SS): the owner changes cash rounding online, it is
 * audited, and every till of the shop gets it with its next sync answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SHOP_SETTINGS, type Session, type SyncResponse } from '@opentill/domain';
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
    expect((await settingsOf(bearer(till))).json()).toEqual(DEFAULT_SHOP_SETTINGS);
    expect((await pushAs(app, till, [])).shop).toEqual(DEFAULT_SHOP_SETTINGS);

    const changed = await change(bearer(owner), { cashRounding: true });
    expect(changed.statusCode).toBe(200);
    const rounding = { ...DEFAULT_SHOP_SETTINGS, cashRounding: true };
    expect(changed.json()).toEqual(rounding);
    const answer: SyncResponse = await pushAs(app, till, []);
    expect(answer.shop).toEqual(rounding);
    expect(await auditedChanges(owner)).toEqual([
      { actorUserId: owner.user.id, details: { before: DEFAULT_SHOP_SETTINGS, after: rounding } },
    ]);
  });

  it('VD1, VD6, VD7: the owner gives the receipt particulars; a bad VAT number changes nothing', async () => {
    const owner = await registerShop(app);
    const particulars = { vatNumber: '4123456789', address: '12 Vilakazi St, Soweto', phone: '082 555 1234' };
    const changed = await change(bearer(owner), particulars);
    expect(changed.json()).toEqual({ ...DEFAULT_SHOP_SETTINGS, ...particulars });
    const refused = await change(bearer(owner), { vatNumber: '123', address: 'Elsewhere' });
    expect(refused.statusCode).toBe(400);
    expect((await settingsOf(bearer(owner))).json()).toEqual({ ...DEFAULT_SHOP_SETTINGS, ...particulars });
    const cleared = await change(bearer(owner), { vatNumber: null });
    expect(cleared.json()).toMatchObject({ vatNumber: null, address: particulars.address });
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
    expect((await settingsOf(bearer(owner))).json()).toEqual(DEFAULT_SHOP_SETTINGS);
    expect(await auditedChanges(owner)).toEqual([]);
  });
});
