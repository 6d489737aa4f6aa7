/**
 * Reading the audit log (`GET /api/v1/audit`, `audit:read`): the shop's own
 * entries, newest first, filtered by action, person and time, a page at a time;
 * never another shop's; refused to a role that may not read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLE_ACTIONS, type AuditLogPage, type Role, type Session, type StaffMember } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, signInDevice, testApp, testToken } from '../test/test-app.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

type Headers = Record<string, string>;

async function readAudit(headers: Headers, query: Record<string, string | number> = {}) {
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  );
  return app.inject({ method: 'GET', url: `/api/v1/audit?${search.toString()}`, headers });
}

async function page(headers: Headers, query: Record<string, string | number> = {}): Promise<AuditLogPage> {
  const response = await readAudit(headers, query);
  expect(response.statusCode).toBe(200);
  return response.json<AuditLogPage>();
}

const actionsOf = (body: AuditLogPage) => body.entries.map((entry) => entry.action);

async function addPerson(owner: Session, name: string, role: Role): Promise<StaffMember> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: bearer(owner),
    payload: { name, role, branchIds: role === 'AUDITOR' ? [] : [owner.branch.id], pin: '1357' },
  });
  expect(response.statusCode).toBe(201);
  return response.json<StaffMember>();
}

/** A token for `person` on the owner's phone, carrying their role's actions, as their own sign-in will. */
async function tokenOf(owner: Session, person: StaffMember): Promise<Headers> {
  const token = await testToken({
    tenantId: owner.tenant.id,
    branchId: owner.branch.id,
    deviceId: owner.device.id,
    userId: person.id,
    permissions: [...ROLE_ACTIONS[person.role]],
  });
  return { authorization: `Bearer ${token}` };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe(`the audit log reader on ${TEST_DB_KIND}`, () => {
  it('lists the shop’s entries newest first, with who did it by name and from where', async () => {
    const owner = await registerShop(app, { ownerName: 'Nomsa Reader', deviceName: 'Counter' });
    const till = await signInDevice(app, owner);
    const body = await page(bearer(owner));
    expect(actionsOf(body)).toEqual(['auth.sign_in', 'device.registered', 'device.registered', 'shop.registered']);
    expect(body.entries.map((entry) => entry.seq)).toEqual([4, 3, 2, 1]);
    expect(body.nextBefore).toBeNull();
    expect(body.entries[0]).toMatchObject({
      actorUserId: owner.user.id,
      actorName: 'Nomsa Reader',
      actorDeviceId: till.device.id,
      actorDeviceName: null,
      ip: '127.0.0.1',
      userAgent: 'lightMyRequest',
      details: { branchId: owner.branch.id },
    });
    expect(body.entries[3]).toMatchObject({ actorDeviceId: owner.device.id, actorDeviceName: 'Counter' });
    for (const entry of body.entries) expect(new Date(entry.at).toISOString()).toBe(entry.at);
  });

  it('filters by an area, by one action and by the person who acted', async () => {
    const owner = await registerShop(app);
    await signInDevice(app, owner);
    const thandi = await addPerson(owner, 'Thandi', 'CASHIER');
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${thandi.id}`,
      headers: bearer(owner),
      payload: { active: false },
    });
    const headers = bearer(owner);
    expect(actionsOf(await page(headers, { action: 'user.' }))).toEqual(['user.disabled', 'user.created']);
    expect(actionsOf(await page(headers, { action: 'device.registered' }))).toEqual([
      'device.registered',
      'device.registered',
    ]);
    expect(actionsOf(await page(headers, { action: 'auth.' }))).toEqual(['auth.sign_in']);
    // `auth.sign` is not an area (no trailing dot) but an action nobody recorded.
    expect(actionsOf(await page(headers, { action: 'auth.sign' }))).toEqual([]);
    expect((await page(headers, { userId: owner.user.id })).entries).toHaveLength(6);
    expect((await page(headers, { userId: thandi.id })).entries).toEqual([]);
    const both = await page(headers, { userId: owner.user.id, action: 'user.disabled' });
    expect(both.entries.map((entry) => [entry.action, entry.details.userId])).toEqual([['user.disabled', thandi.id]]);
  });

  it('filters by time, both ends included', async () => {
    const owner = await registerShop(app);
    await tick();
    const between = new Date();
    await tick();
    await addPerson(owner, 'Sipho', 'CASHIER');
    const headers = bearer(owner);
    expect(actionsOf(await page(headers, { from: between.toISOString() }))).toEqual(['user.created']);
    expect(actionsOf(await page(headers, { to: between.toISOString() }))).toEqual([
      'device.registered',
      'shop.registered',
    ]);
    const [newest] = (await page(headers)).entries;
    if (!newest) throw new Error('expected an entry');
    // An entry exactly at either bound is inside the range.
    expect(actionsOf(await page(headers, { from: newest.at, to: newest.at }))).toEqual(['user.created']);
    // A calendar day (UTC) covers the whole day; one long past covers nothing.
    const day = newest.at.slice(0, 10);
    expect(actionsOf(await page(headers, { from: day, to: day }))).toContain('user.created');
    expect((await page(headers, { to: '2020-01-31' })).entries).toEqual([]);
    expect((await page(headers, { from: '2999-01-01' })).entries).toEqual([]);
  });

  it('pages backwards through `nextBefore` until the first entry, each entry once', async () => {
    const owner = await registerShop(app);
    for (const name of ['A', 'B', 'C']) await addPerson(owner, name, 'CASHIER');
    const headers = bearer(owner);
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const body: AuditLogPage = await page(headers, { limit: 2, ...(before === null ? {} : { before }) });
      expect(body.entries.length).toBeLessThanOrEqual(2);
      seen.push(...body.entries.map((entry) => entry.seq));
      before = body.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
    // A page that ends exactly at the first entry says there is nothing older.
    expect((await page(headers, { limit: 5 })).nextBefore).toBeNull();
    expect((await page(headers, { limit: 4 })).nextBefore).toBe(2);
    // Paging keeps the filter.
    const users = await page(headers, { action: 'user.', limit: 2 });
    expect(users.entries.map((entry) => entry.seq)).toEqual([5, 4]);
    expect((await page(headers, { action: 'user.', before: 4 })).entries.map((entry) => entry.seq)).toEqual([3]);
  });

  it('never shows another shop’s entries, even for its people’s ids', async () => {
    const a = await registerShop(app, { businessName: 'Audit Shop A', ownerName: 'Alice A' });
    const b = await registerShop(app, { businessName: 'Audit Shop B', ownerName: 'Bongani B' });
    await signInDevice(app, b);
    const response = await readAudit(bearer(a));
    expect(response.body).not.toContain('Audit Shop B');
    expect(response.body).not.toContain(b.user.id);
    expect(response.json<AuditLogPage>().entries).toHaveLength(2);
    expect((await page(bearer(a), { userId: b.user.id })).entries).toEqual([]);
    expect((await page(bearer(b))).entries.map((entry) => entry.actorName)).toEqual([
      'Bongani B',
      'Bongani B',
      'Bongani B',
      'Bongani B',
    ]);
  });

  it('is refused to a cashier and to no token; an auditor may read it', async () => {
    const owner = await registerShop(app);
    const cashier = await tokenOf(owner, await addPerson(owner, 'Lindiwe', 'CASHIER'));
    const refused = await readAudit(cashier);
    expect(refused.statusCode).toBe(401);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('OT_ERR_UNAUTHENTICATED');
    expect(refused.body).not.toContain('shop.registered');
    expect((await readAudit({})).statusCode).toBe(401);
    const auditor = await tokenOf(owner, await addPerson(owner, 'Pieter', 'AUDITOR'));
    expect(actionsOf(await page(auditor, { limit: 1 }))).toEqual(['user.created']);
  });

  /** One shop for the refusals below: a refused query changes nothing. */
  let owner: Session | undefined;

  it.each([
    ['action', 'Sign_in'],
    ['action', 'auth.%'],
    ['userId', 'not-a-uuid'],
    ['from', 'yesterday'],
    ['to', '2026-13-01'],
    ['to', '2026-01-01T10:00:00'],
    ['before', '0'],
    ['before', 'abc'],
    ['limit', '0'],
    ['limit', '201'],
    ['limit', '1.5'],
  ])('refuses %s=%s with 400 OT_ERR_VALIDATION naming the parameter', async (name, value) => {
    owner ??= await registerShop(app);
    const response = await readAudit(bearer(owner), { [name]: value });
    expect(response.statusCode).toBe(400);
    const error = response.json<{ error: { code: string; details: { path: string }[] } }>().error;
    expect(error.code).toBe('OT_ERR_VALIDATION');
    expect(error.details.map((detail) => detail.path)).toContain(name);
  });

  it('refuses a range that ends before it starts, and a parameter given twice', async () => {
    owner ??= await registerShop(app);
    const reversed = await readAudit(bearer(owner), { from: '2026-12-02', to: '2026-12-01' });
    expect([reversed.statusCode, reversed.json<{ error: { code: string } }>().error.code]).toEqual([
      400,
      'OT_ERR_VALIDATION',
    ]);
    const twice = await app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=auth.&action=user.',
      headers: bearer(owner),
    });
    expect(twice.statusCode).toBe(400);
  });
});
