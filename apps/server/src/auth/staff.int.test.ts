/**
 * Staff on shared devices (SPEC ID2–ID4): the owner adds people with a role and
 * branches; a device gets its branch's roster with PIN verifiers; each pushed
 * operation is checked against the person who did it, and sales are stored
 * under that person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pbkdf2Sync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Operation, RosterEntry, Session, StaffMember } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, testApp, testDb, testToken } from '../test/test-app.js';
import { DeviceScript } from '../test/operations.js';
import { auditLog, integrityAlerts, sales } from '../db/schema.js';
import { verifyAuditChain } from '../audit/audit-log.service.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function addStaff(owner: Session, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/staff', headers: bearer(owner), payload: body });
}

async function cashier(owner: Session, name: string, pin: string): Promise<StaffMember> {
  const response = await addStaff(owner, { name, role: 'CASHIER', branchIds: [owner.branch.id], pin });
  expect(response.statusCode).toBe(201);
  return response.json<StaffMember>();
}

const push = (session: Session, operations: Operation[]) => pushAs(app, session, operations);

const as = (operation: Operation, actorId: string): Operation => ({ ...operation, actorId });

describe(`staff on ${TEST_DB_KIND}`, () => {
  it('ID2: the owner adds a cashier at a branch; the list shows them with their branch', async () => {
    const owner = await registerShop(app);
    const thandi = await cashier(owner, 'Thandi', '1111');
    expect(thandi).toMatchObject({ name: 'Thandi', role: 'CASHIER', branchIds: [owner.branch.id], active: true });
    const list = await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(owner) });
    expect(list.json<{ staff: StaffMember[] }>().staff.map((member) => [member.name, member.role])).toEqual([
      ['Thabo Test', 'OWNER'],
      ['Thandi', 'CASHIER'],
    ]);
  });

  it('ID3: the roster carries a PBKDF2 verifier a device can check a PIN against, and no PIN hash', async () => {
    const owner = await registerShop(app);
    await cashier(owner, 'Sipho', '2222');
    const response = await app.inject({ method: 'GET', url: '/api/v1/staff/roster', headers: bearer(owner) });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('argon2');
    const sipho = response.json<{ staff: RosterEntry[] }>().staff.find((entry) => entry.name === 'Sipho');
    const verifier = sipho?.pinVerifier;
    if (!verifier) throw new Error('expected a verifier');
    const derive = (pin: string) =>
      pbkdf2Sync(pin, Buffer.from(verifier.salt, 'base64'), verifier.iterations, 32, 'sha256').toString('base64');
    expect(derive('2222')).toBe(verifier.hash);
    expect(derive('2223')).not.toBe(verifier.hash);
    expect(sipho?.actions).toContain('sales:create');
    expect(sipho?.actions).not.toContain('sales:refund');
    // The owner switches back in by PIN too: registration made their verifier.
    const ownerEntry = response.json<{ staff: RosterEntry[] }>().staff.find((entry) => entry.userId === owner.user.id);
    expect(ownerEntry?.pinVerifier).toMatchObject({ algorithm: 'PBKDF2-SHA256' });
  });

  it('every change of a person is in the audit log, in order, and the chain stays intact', async () => {
    const owner = await registerShop(app);
    const thandi = await cashier(owner, 'Thandi', '1111');
    const change = await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${thandi.id}`,
      headers: { ...bearer(owner), 'user-agent': 'till-test' },
      payload: { role: 'BRANCH_MANAGER', pin: '9999', active: false },
    });
    expect(change.statusCode).toBe(200);
    const db = await testDb();
    const entries = await db.withTenant(owner.tenant.id, (tx) =>
      tx
        .select({ action: auditLog.action, details: auditLog.details, userAgent: auditLog.userAgent })
        .from(auditLog)
        .where(eq(auditLog.tenantId, owner.tenant.id))
        .orderBy(auditLog.seq),
    );
    expect(entries.map((entry) => entry.action)).toEqual([
      'shop.registered',
      'device.registered',
      'user.created',
      'user.role_changed',
      'user.disabled',
      'user.pin_changed',
    ]);
    expect(entries[3]).toMatchObject({ details: { userId: thandi.id, from: 'CASHIER', to: 'BRANCH_MANAGER' } });
    expect(entries[5]?.userAgent).toBe('till-test');
    expect(JSON.stringify(entries)).not.toContain('9999');
    expect(
      (await db.withTenant(owner.tenant.id, (tx) => verifyAuditChain(tx, owner.tenant.id))).firstBroken,
    ).toBeNull();
  });

  it('ID3: each sale is stored under the person who made it on the shared device', async () => {
    const owner = await registerShop(app);
    const [thandi, sipho] = [await cashier(owner, 'Thandi', '1111'), await cashier(owner, 'Sipho', '2222')];
    const script = new DeviceScript();
    const first = as(script.sale(), thandi.id);
    const second = as(script.sale(), sipho.id);
    const body = await push(owner, [first, second, script.sale()]);
    expect(body.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created', 'created']);
    const db = await testDb();
    const rows = await db.withTenant(owner.tenant.id, (tx) =>
      tx
        .select({ localId: sales.localId, userId: sales.userId })
        .from(sales)
        .where(eq(sales.tenantId, owner.tenant.id)),
    );
    expect(new Map(rows.map((row) => [row.localId, row.userId]))).toEqual(
      new Map([
        [first.localId, thandi.id],
        [second.localId, sipho.id],
        [body.acknowledgments[2]?.localId ?? '', owner.user.id],
      ]),
    );
  });

  it('ID3: wrong PINs a device reports reach the audit log, with whose PIN, how many and the lockout', async () => {
    const owner = await registerShop(app);
    const thandi = await cashier(owner, 'Thandi', '1111');
    const script = new DeviceScript();
    const reports = [1, 2, 3, 4].map((failures) => script.pinFailure(thandi.id, failures));
    const body = await push(owner, [...reports, as(script.pinFailure(thandi.id, 5, true), owner.user.id)]);
    expect(body.acknowledgments.map((ack) => ack.status)).toEqual(Array(5).fill('created'));
    // Sent again (answer lost): the same answers, no second entry.
    expect((await push(owner, reports)).acknowledgments.map((ack) => ack.status)).toEqual(Array(4).fill('created'));
    const db = await testDb();
    const entries = await db.withTenant(owner.tenant.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'auth.pin_failed')).orderBy(auditLog.seq),
    );
    expect(entries.map((entry) => entry.details)).toEqual(
      [1, 2, 3, 4, 5].map((failures) =>
        expect.objectContaining({ userId: thandi.id, failures, lockedOut: failures === 5 }),
      ),
    );
    expect(entries.every((entry) => entry.actorDeviceId === owner.device.id)).toBe(true);
    expect(entries.at(-1)?.actorUserId).toBe(owner.user.id);
  });

  it('ID4: a sale by a person disabled meanwhile is kept and flagged; their other work is refused', async () => {
    const owner = await registerShop(app);
    const thandi = await cashier(owner, 'Thandi', '1111');
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${thandi.id}`,
      headers: bearer(owner),
      payload: { active: false },
    });
    expect(disabled.json<StaffMember>().active).toBe(false);
    const script = new DeviceScript();
    const product = script.product();
    const sale = as(script.sale(), thandi.id);
    const body = await push(owner, [as(product, thandi.id), sale]);
    expect(body.acknowledgments.map((ack) => [ack.status, ack.error?.code])).toEqual([
      ['rejected', 'OT_ERR_NOT_PERMITTED'],
      ['created', undefined],
    ]);
    const db = await testDb();
    const alerts = await db.withTenant(owner.tenant.id, (tx) =>
      tx.select().from(integrityAlerts).where(eq(integrityAlerts.tenantId, owner.tenant.id)),
    );
    expect(alerts).toMatchObject([
      { kind: 'unauthorized', details: { saleId: body.acknowledgments[1]?.serverId, reason: 'disabled' } },
    ]);
  });

  it('ID3: work beyond a role is refused, and an actor who is not of the shop is rejected', async () => {
    const owner = await registerShop(app);
    const other = await registerShop(app);
    const thandi = await cashier(owner, 'Thandi', '1111');
    const script = new DeviceScript();
    const body = await push(owner, [
      as(script.receive(crypto.randomUUID(), 5), thandi.id),
      as(script.sale(), other.user.id),
    ]);
    expect(body.acknowledgments.map((ack) => ack.error?.code)).toEqual([
      'OT_ERR_NOT_PERMITTED',
      'OT_ERR_ACTOR_UNKNOWN',
    ]);
  });

  it('refuses bad staff input with a stable code and changes nothing', async () => {
    const owner = await registerShop(app);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: 'X', role: 'OWNER', branchIds: [owner.branch.id], pin: '1234' }, 400, 'OT_ERR_VALIDATION'],
      [{ name: 'X', role: 'CASHIER', branchIds: [], pin: '1234' }, 400, 'OT_ERR_VALIDATION'],
      [{ name: 'X', role: 'CASHIER', branchIds: [owner.branch.id], pin: '12' }, 400, 'OT_ERR_VALIDATION'],
      [
        {
          name: "<script>alert(1)</script>'; DROP TABLE users;--".repeat(3),
          role: 'CASHIER',
          branchIds: [owner.branch.id],
          pin: '1234',
        },
        400,
        'OT_ERR_VALIDATION',
      ],
      [{ name: 'X', role: 'CASHIER', branchIds: [crypto.randomUUID()], pin: '1234' }, 400, 'OT_ERR_BRANCH_UNKNOWN'],
    ];
    for (const [body, status, code] of cases) {
      const response = await addStaff(owner, body);
      expect([response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([status, code]);
    }
    const list = await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(owner) });
    expect(list.json<{ staff: StaffMember[] }>().staff).toHaveLength(1);
  });

  it('text that looks like SQL or script is kept as the words typed, and runs nowhere (DECISIONS D20)', async () => {
    const owner = await registerShop(app);
    const name = `Robert'); DROP TABLE users;-- <script>alert(1)</script>`;
    const created = await addStaff(owner, { name, role: 'CASHIER', branchIds: [owner.branch.id], pin: '1234' });
    expect(created.json<StaffMember>().name).toBe(name);
    const list = await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(owner) });
    expect(list.json<{ staff: StaffMember[] }>().staff.map((member) => member.name)).toEqual(['Thabo Test', name]);
    expect(list.headers['content-type']).toContain('application/json');
  });

  it('only the owner makes admins; nobody changes the owner or another shop’s people here', async () => {
    const owner = await registerShop(app);
    const other = await registerShop(app);
    const admin = await addStaff(owner, { name: 'Ayanda', role: 'ADMIN', branchIds: [], pin: '4321' });
    expect(admin.statusCode).toBe(201);
    const adminToken = await testToken({
      tenantId: owner.tenant.id,
      branchId: owner.branch.id,
      deviceId: owner.device.id,
      userId: admin.json<StaffMember>().id,
      permissions: ['user:manage'],
    });
    const asAdmin = await app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { name: 'Second admin', role: 'ADMIN', branchIds: [], pin: '4321' },
    });
    expect(asAdmin.json<{ error: { code: string } }>().error.code).toBe('OT_ERR_FORBIDDEN');
    const ownerChange = await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${owner.user.id}`,
      headers: bearer(owner),
      payload: { active: false },
    });
    expect(ownerChange.statusCode).toBe(403);
    const foreign = await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${other.user.id}`,
      headers: bearer(owner),
      payload: { name: 'Hijacked' },
    });
    expect([foreign.statusCode, foreign.json<{ error: { code: string } }>().error.code]).toEqual([
      404,
      'OT_ERR_STAFF_NOT_FOUND',
    ]);
  });
});
