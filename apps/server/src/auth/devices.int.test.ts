/**
 * Devices of a shop (issue 4): listed and revoked by the owner; a revoked device
 * is refused everywhere but sync, where it may still send its sales (SPEC ID10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Operation, Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, signInDevice, testApp, testDb } from '../test/test-app.js';
import { DeviceScript } from '../test/operations.js';
import { auditLog, integrityAlerts, sales } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const push = (session: Session, operations: Operation[]) => pushAs(app, session, operations);

const revoke = (by: Session, deviceId: string) =>
  app.inject({ method: 'POST', url: `/api/v1/devices/${deviceId}/revoke`, headers: bearer(by) });

describe(`devices on ${TEST_DB_KIND}`, () => {
  it('lists the shop’s devices and revokes one; the revoked token is refused on every route but sync', async () => {
    const owner = await registerShop(app);
    const till = await signInDevice(app, owner);
    const list = await app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(owner) });
    expect(
      list
        .json<{ devices: { id: string }[] }>()
        .devices.map((device) => device.id)
        .sort(),
    ).toEqual([owner.device.id, till.device.id].sort());

    // A pull alone marks the device seen, so the owner can tell a live till from a lost one.
    await push(till, []);
    const seen = await app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(owner) });
    const tillRow = seen
      .json<{ devices: { id: string; lastSeenAt: string | null }[] }>()
      .devices.find((device) => device.id === till.device.id);
    expect(tillRow?.lastSeenAt).toEqual(expect.any(String));

    expect((await revoke(owner, till.device.id)).statusCode).toBe(204);
    for (const url of ['/api/v1/staff/roster', '/api/v1/devices', '/api/v1/sync/events']) {
      const response = await app.inject({ method: 'GET', url, headers: bearer(till) });
      expect([url, response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([
        url,
        401,
        'OT_ERR_DEVICE_UNKNOWN',
      ]);
    }
    const db = await testDb();
    const [entry] = await db.withTenant(owner.tenant.id, (tx) =>
      tx
        .select({ details: auditLog.details, actorDeviceId: auditLog.actorDeviceId })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, owner.tenant.id), eq(auditLog.action, 'device.revoked'))),
    );
    expect(entry).toEqual({ details: { deviceId: till.device.id }, actorDeviceId: owner.device.id });
  });

  it('ID10: a revoked device still sends its sales (kept, flagged), nothing else, and pulls nothing', async () => {
    const owner = await registerShop(app);
    const till = await signInDevice(app, owner);
    const script = new DeviceScript();
    await push(owner, [new DeviceScript().product({ name: 'Brown Bread' })]);
    expect((await revoke(owner, till.device.id)).statusCode).toBe(204);

    const sale = script.sale();
    const body = await push(till, [script.product(), sale]);
    expect(body.deviceRevoked).toBe(true);
    expect(body.acknowledgments.map((ack) => [ack.status, ack.error?.code])).toEqual([
      ['rejected', 'OT_ERR_DEVICE_REVOKED'],
      ['created', undefined],
    ]);
    expect(body.serverChanges.products).toEqual([]);
    const db = await testDb();
    const alerts = await db.withTenant(owner.tenant.id, (tx) =>
      tx.select().from(integrityAlerts).where(eq(integrityAlerts.tenantId, owner.tenant.id)),
    );
    expect(alerts).toMatchObject([
      { kind: 'unauthorized', details: { saleId: body.acknowledgments[1]?.serverId, reason: 'device-revoked' } },
    ]);
    // Sent again (its answer lost): the same answer, the sale once.
    expect((await push(till, [sale])).acknowledgments[0]?.serverId).toBe(body.acknowledgments[1]?.serverId);
    const stored = await db.withTenant(till.tenant.id, (tx) =>
      tx.select().from(sales).where(eq(sales.deviceId, till.device.id)),
    );
    expect(stored).toHaveLength(1);
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
