import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Operation, Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, signInDevice, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, syncBody } from '../test/operations.js';
import { products, syncOperations } from '../db/schema.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

/** Every pharmacy field (SPEC CA1–CA5), as a pharmacy's device sends them. */
const PHARMACY_FIELDS = {
  barcode: '6001234500017',
  alternateBarcodes: ['6001234500024', 'PAN-OLD-24'],
  brandName: 'Panado',
  genericName: 'paracetamol',
  cost: 2450,
  requiresPrescription: true,
  schedule: 'S2' as const,
  reorderLevel: 6,
  isActive: false,
};

async function storedProduct(session: Session, id: string) {
  const db = await testDb();
  const [row] = await db.withTenant(session.tenant.id, (tx) => tx.select().from(products).where(eq(products.id, id)));
  return row;
}

async function storedOperations(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) =>
    tx.select().from(syncOperations).where(eq(syncOperations.deviceId, session.device.id)),
  );
}

describe(`catalogue pharmacy fields on ${TEST_DB_KIND}`, () => {
  it('CA1–CA6: an UPSERT_PRODUCT with every pharmacy field is stored and pulled back by another device', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const product = new DeviceScript().product({ name: 'Panado 500mg 24s', price: 3999, ...PHARMACY_FIELDS });
    const pushed = await pushAs(app, owner, [product]);
    expect(pushed.acknowledgments.map((ack) => ack.status)).toEqual(['created']);

    const pulled = await pushAs(app, other);
    expect(pulled.serverChanges.products).toEqual([
      expect.objectContaining({ id: product.localId, syncVersion: 1, ...PHARMACY_FIELDS }),
    ]);
    expect(await storedProduct(owner, product.localId)).toMatchObject({
      alternateBarcodes: PHARMACY_FIELDS.alternateBarcodes,
      schedule: 'S2',
      cost: 2450,
      isActive: false,
    });
  });

  it('protocol v1: an edit from a device before the pharmacy fields keeps them; a plain new product has none', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const device = new DeviceScript();
    const product = device.product({ name: 'Panado 500mg 24s', ...PHARMACY_FIELDS });
    await pushAs(app, owner, [product]);
    const first = await pushAs(app, other);

    // An older device sends only the fields it knows (isActive, like every device, says what it means).
    await pushAs(app, owner, [
      device.product({ id: product.localId, name: 'Panado 500mg 24s', price: 4299, isActive: false, baseVersion: 1 }),
    ]);
    const after = await pushAs(app, other, [], first.cursor);
    expect(after.serverChanges.products).toEqual([
      expect.objectContaining({ price: 4299, syncVersion: 2, ...PHARMACY_FIELDS, barcode: '6001059000010' }),
    ]);

    // An older device that makes an extra barcode the product's own: it is no longer an extra one.
    await pushAs(app, owner, [
      device.product({
        id: product.localId,
        name: 'Panado 500mg 24s',
        price: 4299,
        barcode: 'PAN-OLD-24',
        baseVersion: 2,
      }),
    ]);
    const swapped = await pushAs(app, other, [], after.cursor);
    expect(swapped.serverChanges.products).toEqual([
      expect.objectContaining({ barcode: 'PAN-OLD-24', alternateBarcodes: ['6001234500024'], syncVersion: 3 }),
    ]);

    // A new device clears them with nulls and an empty list.
    await pushAs(app, owner, [
      device.product({
        id: product.localId,
        name: 'Panado 500mg 24s',
        price: 4299,
        alternateBarcodes: [],
        brandName: null,
        cost: null,
        requiresPrescription: false,
        schedule: null,
        reorderLevel: null,
        isActive: true,
        baseVersion: 3,
      }),
    ]);
    const cleared = await pushAs(app, other, [], swapped.cursor);
    expect(cleared.serverChanges.products).toEqual([
      expect.objectContaining({
        alternateBarcodes: [],
        brandName: null,
        cost: null,
        requiresPrescription: false,
        schedule: null,
        reorderLevel: null,
        isActive: true,
      }),
    ]);

    const plain = device.product();
    await pushAs(app, owner, [plain]);
    const last = await pushAs(app, other, [], cleared.cursor);
    expect(last.serverChanges.products).toEqual([
      expect.objectContaining({
        id: plain.localId,
        alternateBarcodes: [],
        brandName: null,
        cost: null,
        requiresPrescription: false,
        schedule: null,
        reorderLevel: null,
        isActive: true,
      }),
    ]);
  });

  it.each([
    ['schedule S9', { schedule: 'S9' }],
    ['a negative cost', { cost: -1 }],
    ['a cost in fractions of a cent', { cost: 24.5 }],
    ['a negative reorder level', { reorderLevel: -1 }],
    ['11 alternate barcodes', { alternateBarcodes: Array.from({ length: 11 }, (_, i) => `60012345000${10 + i}`) }],
    ['a duplicate alternate barcode', { alternateBarcodes: ['6001234500024', '6001234500024'] }],
    ['an alternate barcode equal to its own', { barcode: '6001234500017', alternateBarcodes: ['6001234500017'] }],
    ['an alternate barcode with a space', { alternateBarcodes: ['600 1234'] }],
    ['a brand name of 121 characters', { brandName: 'x'.repeat(121) }],
    ['requires-prescription as text', { requiresPrescription: 'yes' }],
  ])('rejects an UPSERT_PRODUCT with %s as bad input and changes nothing', async (_label, bad) => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const device = new DeviceScript();
    const product = device.product({ name: 'Panado 500mg 24s', price: 3999, ...PHARMACY_FIELDS });
    await pushAs(app, owner, [product]);
    const before = await storedProduct(owner, product.localId);
    const operationsBefore = await storedOperations(owner);
    const pulledBefore = await pushAs(app, other);

    const edit = device.product({ id: product.localId, name: 'Panado 500mg 24s', price: 1, baseVersion: 1 });
    const broken = { ...edit, data: { ...(edit as Extract<Operation, { type: 'UPSERT_PRODUCT' }>).data, ...bad } };
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(owner),
      payload: syncBody(owner, [broken]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });

    expect(await storedProduct(owner, product.localId)).toEqual(before);
    expect(await storedOperations(owner)).toEqual(operationsBefore);
    const pulledAfter = await pushAs(app, other, [], pulledBefore.cursor);
    expect(pulledAfter.serverChanges.products).toEqual([]);
  });

  it('CA6: an inactive product still reaches devices (the till hides it, the Products tab shows it)', async () => {
    const owner = await registerShop(app);
    const other = await signInDevice(app, owner);
    const product = new DeviceScript().product({ name: 'Old Cough Syrup', isActive: false });
    await pushAs(app, owner, [product]);
    const pulled = await pushAs(app, other);
    expect(pulled.serverChanges.products).toEqual([expect.objectContaining({ id: product.localId, isActive: false })]);
    expect(pulled.serverChanges.products[0]).not.toHaveProperty('deleted');
  });
});
