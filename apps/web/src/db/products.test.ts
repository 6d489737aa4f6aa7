import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ack, OTHER_PRODUCT_ID, PRODUCT_ID, testProduct, testSession } from '../testing/fixtures';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { getCursor } from './meta';
import { applyAcknowledgments, pendingOperations } from './outbox';
import { applyPulledProducts, listProducts, saveProduct } from './products';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

describe('saveProduct', () => {
  it('writes the product and an UPSERT_PRODUCT operation together', async () => {
    const product = await saveProduct({
      id: PRODUCT_ID,
      name: 'Bread',
      price: 1899,
      barcode: null,
      category: 'Bakery',
    });
    expect(product).toMatchObject({ name: 'Bread', price: 1899, isActive: true, syncVersion: null });
    const [operation] = await pendingOperations(50);
    expect(operation).toMatchObject({
      seq: 1,
      type: 'UPSERT_PRODUCT',
      localId: PRODUCT_ID,
      data: { id: PRODUCT_ID, name: 'Bread', price: 1899 },
    });
  });

  it('writes nothing for an invalid product', async () => {
    await expect(saveProduct({ id: PRODUCT_ID, name: ' ', price: 100 })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(saveProduct({ id: 'not-a-uuid', name: 'Milk', price: 100 })).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    expect(await db.products.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('applyPulledProducts', () => {
  it('inserts and updates products by id and stores the cursor', async () => {
    await applyPulledProducts([testProduct(), testProduct({ id: OTHER_PRODUCT_ID, name: 'Milk 1L' })], 'cursor-1');
    expect((await listProducts()).map((product) => product.name)).toEqual(['Albany White Bread 700g', 'Milk 1L']);
    expect(await getCursor()).toBe('cursor-1');

    await applyPulledProducts([testProduct({ price: 2099, isActive: false, syncVersion: 2 })], 'cursor-2');
    const bread = await db.products.get(PRODUCT_ID);
    expect(bread).toMatchObject({ price: 2099, isActive: false, syncVersion: 2 });
    expect(await db.products.count()).toBe(2);
    expect(await getCursor()).toBe('cursor-2');
  });

  it('never steps a product back to an older version', async () => {
    await applyPulledProducts([testProduct({ price: 2099, syncVersion: 3 })], 'c1');
    await applyPulledProducts([testProduct({ price: 1899, syncVersion: 2 })], 'c2');
    expect((await db.products.get(PRODUCT_ID))?.price).toBe(2099);
    expect(await getCursor()).toBe('c2');
  });

  it('keeps a local edit that is still queued, then takes the server copy once acknowledged', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (local)', price: 1999 });
    await applyPulledProducts([testProduct({ name: 'Bread (server)' })], 'c1');
    expect((await db.products.get(PRODUCT_ID))?.name).toBe('Bread (local)');

    const [operation] = await pendingOperations(1);
    if (!operation) throw new Error('expected the queued edit');
    await applyAcknowledgments([ack(operation, 'created')]);
    await applyPulledProducts([testProduct({ name: 'Bread (local)', price: 1999, syncVersion: 2 })], 'c2');
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ name: 'Bread (local)', syncVersion: 2 });
  });
});
