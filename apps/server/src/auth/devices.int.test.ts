/** Devices of a shop (issue 4): listed and revoked by the owner; a revoked device is refused everywhere. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, signInDevice, testApp, testDb } from '../test/test-app.js';
import { syncBody } from '../test/operations.js';
import { auditLog } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const revoke = (by: Session, deviceId: string) =>
  app.inject({ method: 'POST', url: `/api/v1/devices/${deviceId}/revoke`, headers: bearer(by) });

describe(`devices on ${TEST_DB_KIND}`, () => {
  it('lists the shop’s devices and revokes one; the revoked token is refused on every route', async () => {
    const owner = await registerShop(app);
    const till = await signInDevice(app, owner);
    const list = await app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(owner) });
    expect(
      list
        .json<{ devices: { id: string }[] }>()
        .devices.map((device) => device.id)
        .sort(),
    ).toEqual([owner.device.id, till.device.id].sort());

    expect((await revoke(owner, till.device.id)).statusCode).toBe(204);
    for (const request of [
      { method: 'POST' as const, url: '/api/v1/sync', payload: syncBody(till) },
      { method: 'GET' as const, url: '/api/v1/staff/roster' },
      { method: 'GET' as const, url: '/api/v1/devices' },
    ]) {
      const response = await app.inject({ ...request, headers: bearer(till) });
      expect([request.url, response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([
        request.url,
        401,
        'OT_ERR_DEVICE_UNKNOWN',
      ]);
    }
    const db = await testDb();
    const [entry] = await db.orm
      .select({ details: auditLog.details, actorDeviceId: auditLog.actorDeviceId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, owner.tenant.id), eq(auditLog.action, 'device.revoked')));
    expect(entry).toEqual({ details: { deviceId: till.device.id }, actorDeviceId: owner.device.id });
  });

  it('refuses to revoke the asking device, one revoked already, or another shop’s', async () => {
    const owner = await registerShop(app);
    const other = await registerShop(app);
    const till = await signInDevice(app, owner);
    expect((await revoke(owner, owner.device.id)).statusCode).toBe(403);
    expect((await revoke(owner, other.device.id)).json<{ error: { code: string } }>().error.code).toBe(
      'OT_ERR_DEVICE_NOT_FOUND',
    );
    expect((await revoke(owner, till.device.id)).statusCode).toBe(204);
    expect((await revoke(owner, till.device.id)).statusCode).toBe(404);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(other) });
    expect(listed.body).not.toContain(till.device.id);
  });
});
