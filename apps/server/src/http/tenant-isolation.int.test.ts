/**
 * Issue 4, "Must show" 1: generated from the server's route table, so a new
 * route is covered without anyone remembering. Every guarded route, called with
 * shop B's token, on shop A's ids wherever the path takes one, answers 4xx or
 * B's own data, never anything of A's; every route declares its action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isAction, type Session, type StaffMember } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, signInDevice, testApp } from '../test/test-app.js';
import { DeviceScript, syncBody } from '../test/operations.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

/** Routes that stream until the client leaves; they only ever stream the caller's own tenant's pokes. */
const STREAMING = new Set(['/api/v1/sync/events']);

/** Shop A with something of every kind a route can name: a person, a second device, a product, a supplier, an order. */
async function shopA() {
  const owner = await registerShop(app, { businessName: 'Shop A Secret Name', ownerName: 'Alice Owner A' });
  const till = await signInDevice(app, owner);
  const staff = await app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: bearer(owner),
    payload: { name: 'Anele Cashier A', role: 'CASHIER', branchIds: [owner.branch.id], pin: '1111' },
  });
  const script = new DeviceScript();
  const product = script.product({ name: 'Shop A Secret Bread' });
  await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: bearer(owner),
    payload: syncBody(owner, [product]),
  });
  const productId = (product.data as { id: string }).id;
  const supplier = await app.inject({
    method: 'POST',
    url: '/api/v1/suppliers',
    headers: bearer(owner),
    payload: { name: 'Shop A Secret Supplier' },
  });
  const order = await app.inject({
    method: 'POST',
    url: '/api/v1/purchase-orders',
    headers: bearer(owner),
    payload: { supplierId: supplier.json<{ id: string }>().id, lines: [{ productId, quantity: 1 }] },
  });
  const ids = [owner.tenant.id, owner.branch.id, owner.user.id, owner.device.id, till.device.id];
  ids.push(staff.json<StaffMember>().id, productId);
  ids.push(supplier.json<{ id: string }>().id, order.json<{ id: string }>().id);
  return {
    owner,
    ids,
    secrets: [
      ...ids,
      'Shop A Secret Name',
      'Alice Owner A',
      'Anele Cashier A',
      'Shop A Secret Bread',
      'Shop A Secret Supplier',
    ],
  };
}

/** A body each route accepts from shop B, so the call gets past validation to where tenancy is decided. */
function bodyFor(method: string, url: string, b: Session): unknown {
  if (method === 'GET') return undefined;
  if (url === '/api/v1/sync') return syncBody(b);
  if (url === '/api/v1/staff') return { name: 'Bob B', role: 'CASHIER', branchIds: [b.branch.id], pin: '2222' };
  if (url.endsWith('/branch-prices/:branchId')) return { price: 1000 };
  return { name: 'Renamed by B' };
}

describe(`tenant isolation on ${TEST_DB_KIND}`, () => {
  it('every API route declares an action the catalogue knows, or that it is public', () => {
    expect(app.apiRoutes.length).toBeGreaterThan(5);
    for (const route of app.apiRoutes) {
      expect([route.url, route.action === 'public' || isAction(route.action)]).toEqual([route.url, true]);
    }
  });

  it('shop B’s token on shop A’s ids gets 4xx or B’s own data, never A’s', async () => {
    const a = await shopA();
    const b = await registerShop(app);
    const guarded = app.apiRoutes.filter((route) => route.action !== 'public' && !STREAMING.has(route.url));
    expect(guarded.length).toBeGreaterThan(4);
    for (const route of guarded) {
      const params = route.url.match(/:\w+/g) ?? [];
      // A path with ids is tried with every id of A's in every place: one is the kind it expects.
      const urls = params.length === 0 ? [route.url] : a.ids.map((id) => route.url.replace(/:\w+/g, id));
      for (const url of urls) {
        const response = await app.inject({
          method: route.method as 'GET' | 'POST' | 'PATCH',
          url,
          headers: bearer(b),
          payload: bodyFor(route.method, route.url, b) as Record<string, unknown> | undefined,
        });
        const leaked = a.secrets.filter((secret) => response.body.includes(secret));
        expect({ route: `${route.method} ${url}`, leaked }).toEqual({ route: `${route.method} ${url}`, leaked: [] });
        if (params.length > 0) {
          expect({ url, status: [403, 404].includes(response.statusCode) }).toEqual({ url, status: true });
        } else expect({ url, status: response.statusCode < 500 }).toEqual({ url, status: true });
      }
    }
    // And nothing B tried changed A: A's people are as they were.
    const list = await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(a.owner) });
    expect(list.json<{ staff: StaffMember[] }>().staff.map((member) => member.name)).toEqual([
      'Alice Owner A',
      'Anele Cashier A',
    ]);
  });
});
