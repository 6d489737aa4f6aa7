/** Sessions (SPEC ID17): listed and ended by their person or a manager; a refresh follows the person's state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import type { Session, SessionRecord, SessionTokens } from '@opentill/domain';
import { eq } from 'drizzle-orm';
import { TEST_DB_KIND, bearer, registerShop, signInDevice, testApp, testDb } from '../test/test-app.js';
import { users } from '../db/schema.js';
import { sessionPermissions } from './sessions.service.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function sessionsSeenBy(session: { token: string }) {
  const response = await app.inject({ method: 'GET', url: '/api/v1/sessions', headers: bearer(session as Session) });
  expect(response.statusCode).toBe(200);
  return response.json<{ sessions: SessionRecord[] }>().sessions;
}

async function ownerPhone(owner: Session): Promise<string> {
  const db = await testDb();
  const [row] = await db.withTenant(owner.tenant.id, (tx) =>
    tx.select({ phone: users.phone }).from(users).where(eq(users.id, owner.user.id)),
  );
  return row?.phone ?? '';
}

function revoke(by: { token: string }, id: string) {
  return app.inject({ method: 'POST', url: `/api/v1/sessions/${id}/revoke`, headers: bearer(by as Session) });
}

async function refresh(refreshToken: string) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
  return { status: response.statusCode, body: response.json<SessionTokens & { error?: { code: string } }>() };
}

describe(`sessions on ${TEST_DB_KIND}`, () => {
  it('lists the shop’s sessions to the owner, marks the current one, and ends another by its id', async () => {
    const owner = await registerShop(app);
    const till = await signInDevice(app, owner);
    const listed = await sessionsSeenBy(owner);
    expect(listed.map((session) => session.deviceId).sort()).toEqual([owner.device.id, till.device.id].sort());
    const current = listed.find((session) => session.current);
    expect(current?.id).toBe(decodeJwt(owner.token).sid);
    const other = listed.find((session) => !session.current);
    if (!other) throw new Error('no other session');

    expect((await revoke(owner, other.id)).statusCode).toBe(204);
    expect((await refresh(till.refreshToken)).body.error?.code).toBe('OT_ERR_SESSION_INVALID');
    expect((await sessionsSeenBy(owner)).map((session) => session.id)).toEqual([current?.id]);
    // Ending it again, or an id of another shop, names no session.
    expect((await revoke(owner, other.id)).statusCode).toBe(404);
    const stranger = await registerShop(app);
    expect((await revoke(stranger, current?.id ?? '')).statusCode).toBe(404);
    expect((await refresh(owner.refreshToken)).status).toBe(200);
  });

  it('a refresh carries the session’s claims and the role’s permissions as they are now', async () => {
    const owner = await registerShop(app);
    const refreshed = await refresh(owner.refreshToken);
    const claims = decodeJwt(refreshed.body.token);
    expect(claims).toMatchObject({ tid: owner.tenant.id, did: owner.device.id, sub: owner.user.id });
    expect(claims.sid).toBe(decodeJwt(owner.token).sid);
    expect(claims.perm).toContain('user:manage');
    expect(new Date(refreshed.body.tokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('signs a device of the shop in again as the same device (its queue goes on); another shop’s device id is taken', async () => {
    const owner = await registerShop(app);
    const till = await signInDevice(app, owner);
    const phone = await ownerPhone(owner);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { phone, pin: '2468', deviceId: till.device.id },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<Session>().device.id).toBe(till.device.id);
    const devices = await app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(owner) });
    expect(devices.json<{ devices: unknown[] }>().devices).toHaveLength(2);

    const stranger = await registerShop(app);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { phone: await ownerPhone(stranger), pin: '2468', deviceId: till.device.id },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { code: string } }>().error.code).toBe('OT_ERR_DEVICE_TAKEN');
  });

  it('asks two-factor of password owners and admins before anything but their own account', () => {
    expect(sessionPermissions({ role: 'OWNER', hasPassword: true, totpEnabled: false })).toEqual(['account:self']);
    expect(sessionPermissions({ role: 'ADMIN', hasPassword: true, totpEnabled: false })).toEqual(['account:self']);
    expect(sessionPermissions({ role: 'OWNER', hasPassword: true, totpEnabled: true })).toContain('settings:write');
    // PIN owners (spaza shops) and other roles are not held back.
    expect(sessionPermissions({ role: 'OWNER', hasPassword: false, totpEnabled: false })).toContain('settings:write');
    expect(sessionPermissions({ role: 'CASHIER', hasPassword: true, totpEnabled: false })).toContain('sales:create');
  });
});
