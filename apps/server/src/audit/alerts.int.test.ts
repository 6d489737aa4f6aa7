/**
 * The owner's alerts (SPEC AU7): a phone joining the shop (unusual from a new
 * address), lockouts, and sales kept but flagged; only for `audit:read`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Alerts, Operation, Session, StaffMember } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, randomPhone, testApp, testToken } from '../test/test-app.js';
import { DeviceScript, saleOf } from '../test/operations.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function alertsOf(session: { token: string }, after?: number) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/alerts${after === undefined ? '' : `?after=${after}`}`,
    headers: bearer(session as Session),
  });
  return { status: response.statusCode, body: response.json<Alerts>() };
}

async function registerFrom(remoteAddress: string) {
  const phone = randomPhone();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress,
    payload: { businessName: 'Alert Spaza', ownerName: 'Ayanda', phone, pin: '2468', deviceId: randomUUID() },
  });
  return { owner: response.json<Session>(), phone };
}

function signInFrom(phone: string, remoteAddress: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress,
    payload: { phone, pin: '2468', deviceId: randomUUID(), deviceName: 'Back office' },
  });
}

describe(`alerts on ${TEST_DB_KIND}`, () => {
  it('shows each phone that joins, flagging one from an address the shop never used', async () => {
    const { owner, phone } = await registerFrom('198.51.100.40');
    expect((await signInFrom(phone, '198.51.100.40')).statusCode).toBe(200);
    expect((await signInFrom(phone, '203.0.113.77')).statusCode).toBe(200);
    const { status, body } = await alertsOf(owner);
    expect(status).toBe(200);
    expect(body.security.map((entry) => [entry.action, entry.ip, entry.details.newAddress])).toEqual([
      ['auth.sign_in', '203.0.113.77', true],
      ['auth.sign_in', '198.51.100.40', false],
    ]);
    expect(body.security[0]?.actorDeviceName).toBe('Back office');
    // After the newest one seen, nothing is new.
    expect((await alertsOf(owner, body.security[0]?.seq)).body.security).toEqual([]);
  });

  it('shows a person locked out on a device, not each wrong PIN, and flagged sales with who made them', async () => {
    const { owner } = await registerFrom('198.51.100.41');
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: bearer(owner),
      payload: { name: 'Thandi', role: 'CASHIER', branchIds: [owner.branch.id], pin: '1111' },
    });
    const thandi = added.json<StaffMember>();
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${thandi.id}`,
      headers: bearer(owner),
      payload: { active: false },
    });
    const script = new DeviceScript();
    const sale: Operation = { ...script.sale(saleOf([{ productId: randomUUID(), quantity: 2 }])), actorId: thandi.id };
    await pushAs(app, owner, [script.pinFailure(thandi.id, 4), script.pinFailure(thandi.id, 5, true), sale]);

    const { body } = await alertsOf(owner);
    expect(body.security.map((entry) => [entry.action, entry.details.failures])).toEqual([['auth.pin_failed', 5]]);
    expect(body.flaggedSales).toMatchObject([
      {
        kind: 'unauthorized',
        reason: 'disabled',
        deviceId: owner.device.id,
        sale: { localId: sale.localId, totalAmount: 2000, by: 'Thandi' },
      },
    ]);

    // The owner checks it: the alert closes, once, and the log says who did.
    const resolve = (id: string) =>
      app.inject({ method: 'POST', url: `/api/v1/alerts/${id}/resolve`, headers: bearer(owner) });
    const id = body.flaggedSales[0]?.id ?? '';
    expect((await resolve(id)).statusCode).toBe(204);
    expect((await resolve(id)).statusCode).toBe(404);
    expect((await alertsOf(owner)).body.flaggedSales).toEqual([]);
    const log = await app.inject({ method: 'GET', url: '/api/v1/audit?action=alert.resolved', headers: bearer(owner) });
    expect(log.json<{ entries: { actorUserId: string; details: { alertId: string } }[] }>().entries).toMatchObject([
      { actorUserId: owner.user.id, details: { alertId: id, reason: 'disabled' } },
    ]);
  });

  it('is for those who read the audit log: a cashier’s token is refused, another shop sees nothing', async () => {
    const { owner } = await registerFrom('198.51.100.42');
    const cashierToken = await testToken({
      tenantId: owner.tenant.id,
      branchId: owner.branch.id,
      deviceId: owner.device.id,
      userId: owner.user.id,
      permissions: ['sync:push', 'sales:create'],
    });
    expect((await alertsOf({ token: cashierToken })).status).toBe(401);
    const { owner: stranger } = await registerFrom('198.51.100.43');
    expect((await alertsOf(stranger)).body).toEqual({ security: [], flaggedSales: [] });
    const bad = await app.inject({ method: 'GET', url: '/api/v1/alerts?after=-1', headers: bearer(owner) });
    expect(bad.statusCode).toBe(400);
  });
});
