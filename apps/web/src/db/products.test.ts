import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ack, OTHER_PRODUCT_ID, PRODUCT_ID, pageOf, testProduct, testSession } from '../testing/fixtures';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { getCursor } from './meta';
import { applyAcknowledgments, pendingOperations } from './outbox';
import type { Conflict } from '@opentill/domain';
import { keepServerVersion, resendMyVersion } from './conflicts';
import { deleteProduct, findProductsByCode, listProducts, saveProduct } from './products';
import { applyPulledPage } from './pull';
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
      lane: 'medium',
      seq: 1,
      type: 'UPSERT_PRODUCT',
      localId: PRODUCT_ID,
      data: { id: PRODUCT_ID, name: 'Bread', price: 1899 },
    });
  });

  it('omits baseVersion for a product the server never acknowledged, and sends it for an edit', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await applyPulledPage(pageOf({ products: [testProduct({ id: OTHER_PRODUCT_ID, syncVersion: 5 })] }), 'c1');
    await saveProduct({ id: OTHER_PRODUCT_ID, name: 'Milk 1L', price: 2199, barcode: null, category: 'Dairy' });
    const [create, edit] = await pendingOperations(50);
    expect(create?.data).not.toHaveProperty('baseVersion');
    expect(edit).toMatchObject({ seq: 2, data: { id: OTHER_PRODUCT_ID, name: 'Milk 1L', baseVersion: 5 } });
    expect(await db.products.get(OTHER_PRODUCT_ID)).toMatchObject({ name: 'Milk 1L', syncVersion: 5 });
  });

  it('always sends the stock settings, and an edit that leaves them out keeps them', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899, trackStock: true, oversellPolicy: 'reject' });
    await saveProduct({ id: PRODUCT_ID, name: 'Bread 700g', price: 1899 });
    const [create, edit] = await pendingOperations(50);
    expect(create?.data).toMatchObject({ trackStock: true, oversellPolicy: 'reject' });
    expect(edit?.data).toMatchObject({ name: 'Bread 700g', trackStock: true, oversellPolicy: 'reject' });
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ trackStock: true, oversellPolicy: 'reject' });
  });

  it('CA1–CA6: stores and sends the pharmacy fields; an edit that leaves them out keeps them', async () => {
    const pharmacy = {
      brandName: 'Panado',
      alternateBarcodes: ['6001000000018', 'PAN-OLD'],
      cost: 2450,
      requiresPrescription: true,
      schedule: 'S2' as const,
      reorderLevel: 6,
      isActive: false,
    };
    await saveProduct({ id: PRODUCT_ID, name: 'Panado 24s', price: 3999, barcode: '6001000000001', ...pharmacy });
    expect(await db.products.get(PRODUCT_ID)).toMatchObject(pharmacy);
    await saveProduct({ id: PRODUCT_ID, name: 'Panado 500mg 24s', price: 3999, barcode: '6001000000001' });
    const [create, edit] = await pendingOperations(50);
    expect(create?.data).toMatchObject(pharmacy);
    expect(edit?.data).toMatchObject({ name: 'Panado 500mg 24s', ...pharmacy });
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ name: 'Panado 500mg 24s', ...pharmacy });

    // Making an extra barcode the product's own takes it off the extra ones.
    await saveProduct({ id: PRODUCT_ID, name: 'Panado 500mg 24s', price: 3999, barcode: 'PAN-OLD' });
    expect((await db.products.get(PRODUCT_ID))?.alternateBarcodes).toEqual(['6001000000018']);
  });

  it('a new product without the pharmacy fields sends none set', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    const [create] = await pendingOperations(50);
    expect(create?.data).toMatchObject({
      brandName: null,
      alternateBarcodes: [],
      cost: null,
      requiresPrescription: false,
      schedule: null,
      reorderLevel: null,
      isActive: true,
    });
  });

  it('writes nothing for a bad pharmacy field', async () => {
    const base = { id: PRODUCT_ID, name: 'Panado', price: 3999, barcode: '6001000000001' };
    for (const bad of [
      { cost: -1 },
      { reorderLevel: -1 },
      { alternateBarcodes: ['6001000000001'] },
      { alternateBarcodes: ['1', '1'] },
      { alternateBarcodes: Array.from({ length: 11 }, (_, index) => `X${index}`) },
    ]) {
      await expect(saveProduct({ ...base, ...bad })).rejects.toBeInstanceOf(InvalidRecordError);
    }
    expect(await db.products.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a new tracked product with its opening stock, in one transaction', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899, trackStock: true }, { openingStock: 12 });
    expect((await pendingOperations(50)).map((op) => [op.lane, op.type, op.data])).toEqual([
      ['critical', 'RECEIVE_STOCK', { productId: PRODUCT_ID, quantity: 12 }],
      ['medium', 'UPSERT_PRODUCT', expect.objectContaining({ id: PRODUCT_ID, trackStock: true })],
    ]);
  });

  it('writes nothing when the opening stock does not fit the product', async () => {
    const bread = { id: PRODUCT_ID, name: 'Bread', price: 1899 };
    await expect(saveProduct(bread, { openingStock: 5 })).rejects.toBeInstanceOf(InvalidRecordError); // not tracked
    await expect(saveProduct({ ...bread, trackStock: true }, { openingStock: 0 })).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    expect(await db.products.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await saveProduct({ ...bread, trackStock: true });
    await expect(saveProduct({ ...bread, trackStock: true }, { openingStock: 5 })).rejects.toBeInstanceOf(
      InvalidRecordError,
    ); // an existing product counts its stock instead
    expect(await db.outbox.count()).toBe(1);
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

describe('applyPulledPage: products', () => {
  it('inserts and updates products by id and stores the cursor', async () => {
    await applyPulledPage(
      pageOf({ products: [testProduct(), testProduct({ id: OTHER_PRODUCT_ID, name: 'Milk 1L' })] }),
      'cursor-1',
    );
    expect((await listProducts()).map((product) => product.name)).toEqual(['Albany White Bread 700g', 'Milk 1L']);
    expect(await getCursor()).toBe('cursor-1');

    await applyPulledPage(
      pageOf({ products: [testProduct({ price: 2099, isActive: false, syncVersion: 2 })] }),
      'cursor-2',
    );
    const bread = await db.products.get(PRODUCT_ID);
    expect(bread).toMatchObject({ price: 2099, isActive: false, syncVersion: 2 });
    expect(await db.products.count()).toBe(2);
    expect(await getCursor()).toBe('cursor-2');
  });

  it('lists products by name ignoring case, not in the index’s code-point order', async () => {
    const names = ['banana', 'Apple', 'cherry', 'Banana split', 'apricot'];
    await applyPulledPage(
      pageOf({ products: names.map((name) => testProduct({ id: crypto.randomUUID(), name })) }),
      'cursor-1',
    );
    expect((await listProducts()).map((product) => product.name)).toEqual([
      'Apple',
      'apricot',
      'banana',
      'Banana split',
      'cherry',
    ]);
  });

  it('takes a pulled page as the server has it: after a restore (SY5), an older version replaces the copy here', async () => {
    await applyPulledPage(pageOf({ products: [testProduct({ price: 2099, syncVersion: 3 })] }), 'c1');
    await applyPulledPage(pageOf({ products: [testProduct({ price: 1899, syncVersion: 2 })] }), 'c2');
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ price: 1899, syncVersion: 2 });
    expect(await getCursor()).toBe('c2');
  });

  it('keeps a local edit that is still queued, then takes the server copy once acknowledged', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (local)', price: 1999 });
    await applyPulledPage(pageOf({ products: [testProduct({ name: 'Bread (server)' })] }), 'c1');
    expect((await db.products.get(PRODUCT_ID))?.name).toBe('Bread (local)');

    const [operation] = await pendingOperations(1);
    if (!operation) throw new Error('expected the queued edit');
    await applyAcknowledgments([ack(operation, 'created')]);
    await applyPulledPage(
      pageOf({ products: [testProduct({ name: 'Bread (local)', price: 1999, syncVersion: 2 })] }),
      'c2',
    );
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ name: 'Bread (local)', syncVersion: 2 });
  });
});

describe('findProductsByCode (SPEC CA2)', () => {
  it('finds a product by its own barcode or any extra one, inactive ones too, each once', async () => {
    await applyPulledPage(
      pageOf({
        products: [
          testProduct({ barcode: '6001000000001', alternateBarcodes: ['6001000000018', 'PAN-OLD'] }),
          testProduct({
            id: OTHER_PRODUCT_ID,
            name: 'Old',
            barcode: null,
            alternateBarcodes: ['6001000000018'],
            isActive: false,
          }),
        ],
      }),
      'c1',
    );
    expect((await findProductsByCode('6001000000001')).map((product) => product.id)).toEqual([PRODUCT_ID]);
    expect((await findProductsByCode(' PAN-OLD ')).map((product) => product.id)).toEqual([PRODUCT_ID]);
    expect((await findProductsByCode('6001000000018')).map((product) => product.id).sort()).toEqual(
      [PRODUCT_ID, OTHER_PRODUCT_ID].sort(),
    );
    expect(await findProductsByCode('6009999999999')).toEqual([]);
    expect(await findProductsByCode(' ')).toEqual([]);
  });

  it('takes the pharmacy fields from a pull, and none from a server before them', async () => {
    await applyPulledPage(
      pageOf({
        products: [
          testProduct({
            brandName: 'Panado',
            alternateBarcodes: ['6001000000018'],
            cost: 2450,
            requiresPrescription: true,
            schedule: 'S3',
            reorderLevel: 4,
          }),
          testProduct({ id: OTHER_PRODUCT_ID, name: 'Milk 1L' }),
        ],
      }),
      'c1',
    );
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({
      brandName: 'Panado',
      alternateBarcodes: ['6001000000018'],
      cost: 2450,
      requiresPrescription: true,
      schedule: 'S3',
      reorderLevel: 4,
    });
    expect(await db.products.get(OTHER_PRODUCT_ID)).toMatchObject({
      brandName: null,
      alternateBarcodes: [],
      cost: null,
      requiresPrescription: false,
      schedule: null,
      reorderLevel: null,
    });
  });
});

describe('branch prices (SPEC BP2)', () => {
  it('keeps the branch’s own price from a pull and through an edit here; a pull without one drops it', async () => {
    await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 3, branchPrice: 2150 })] }), 'c1');
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ price: 1899, branchPrice: 2150 });
    await saveProduct({ id: PRODUCT_ID, name: 'Bread 700g', price: 1999 });
    const [edit] = await pendingOperations(50);
    expect(edit?.data).not.toHaveProperty('branchPrice');
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ price: 1999, branchPrice: 2150 });
    if (!edit) throw new Error('expected the edit');
    await applyAcknowledgments([ack(edit, 'updated')]);
    await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 4, branchPrice: null })] }), 'c2');
    expect(await db.products.get(PRODUCT_ID)).not.toHaveProperty('branchPrice');
  });
});

describe('deleteProduct', () => {
  it('removes the product and queues DELETE_PRODUCT together', async () => {
    await applyPulledPage(pageOf({ products: [testProduct()] }), 'c1');
    await deleteProduct(PRODUCT_ID);
    expect(await db.products.get(PRODUCT_ID)).toBeUndefined();
    expect(await pendingOperations(50)).toEqual([
      expect.objectContaining({ lane: 'medium', seq: 1, type: 'DELETE_PRODUCT', data: { id: PRODUCT_ID } }),
    ]);
  });
});

describe('tombstones (SY11)', () => {
  it('a pulled tombstone removes the product', async () => {
    await applyPulledPage(pageOf({ products: [testProduct(), testProduct({ id: OTHER_PRODUCT_ID })] }), 'c1');
    await applyPulledPage(
      pageOf({ products: [testProduct({ syncVersion: 2, deleted: true, isActive: false })] }),
      'c2',
    );
    expect((await listProducts()).map((product) => product.id)).toEqual([OTHER_PRODUCT_ID]);
    expect(await getCursor()).toBe('c2');
  });

  it('keeps a product with a local edit still queued; the push sorts it out', async () => {
    await applyPulledPage(pageOf({ products: [testProduct()] }), 'c1');
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (local)', price: 1999 });
    await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 2, deleted: true })] }), 'c2');
    expect((await db.products.get(PRODUCT_ID))?.name).toBe('Bread (local)');
  });

  it('does not bring back a product deleted here while the deletion waits', async () => {
    await applyPulledPage(pageOf({ products: [testProduct()] }), 'c1');
    await deleteProduct(PRODUCT_ID);
    await applyPulledPage(
      pageOf({ products: [testProduct({ name: 'Bread (edited elsewhere)', syncVersion: 2 })] }),
      'c2',
    );
    expect(await db.products.get(PRODUCT_ID)).toBeUndefined();
  });
});

describe('resolving a conflict', () => {
  async function fileConflict(server = testProduct({ name: 'Bread (shop)', price: 2099, syncVersion: 3 })) {
    await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 2 })] }), 'c1');
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (mine)', price: 1999, barcode: null, category: 'Bakery' });
    const [edit] = await pendingOperations(50);
    if (!edit || edit.type !== 'UPSERT_PRODUCT') throw new Error('expected the edit');
    const conflict: Conflict = {
      kind: 'STALE_EDIT',
      entity: 'product',
      recordId: PRODUCT_ID,
      server,
      device: edit.data,
    };
    await applyAcknowledgments([{ ...ack(edit, 'conflict'), conflict }]);
    return edit.opId;
  }

  it("keep the shop's version: closes the conflict and sends nothing", async () => {
    const opId = await fileConflict();
    await keepServerVersion(opId);
    expect(await db.conflicts.count()).toBe(0);
    expect(await pendingOperations(50)).toEqual([]);
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ name: 'Bread (shop)', syncVersion: 3 });
  });

  it('use my version: closes the conflict and sends my edit again on the server version', async () => {
    const opId = await fileConflict();
    await resendMyVersion(opId);
    expect(await db.conflicts.count()).toBe(0);
    expect(await pendingOperations(50)).toEqual([
      expect.objectContaining({
        seq: 2,
        type: 'UPSERT_PRODUCT',
        data: expect.objectContaining({ id: PRODUCT_ID, name: 'Bread (mine)', price: 1999, baseVersion: 3 }),
      }),
    ]);
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ name: 'Bread (mine)', price: 1999, syncVersion: 3 });
  });

  it('use my version: a field my edit left out is the shop’s, not wiped', async () => {
    const shop = testProduct({
      name: 'Bread (shop)',
      syncVersion: 3,
      sku: 'BRD-7',
      brandName: 'Albany',
      alternateBarcodes: ['6001000000018'],
      cost: 1200,
      reorderLevel: 10,
    });
    await applyPulledPage(pageOf({ products: [testProduct({ syncVersion: 2 })] }), 'c1');
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (mine)', price: 1999 });
    const [edit] = await pendingOperations(50);
    if (!edit || edit.type !== 'UPSERT_PRODUCT') throw new Error('expected the edit');
    // What an older app queued: only the fields it knew.
    const device = { id: PRODUCT_ID, name: 'Bread (mine)', price: 1999, barcode: null, category: null };
    const conflict: Conflict = { kind: 'STALE_EDIT', entity: 'product', recordId: PRODUCT_ID, server: shop, device };
    await applyAcknowledgments([{ ...ack(edit, 'conflict'), conflict }]);
    await resendMyVersion(edit.opId);
    const [resent] = await pendingOperations(50);
    expect(resent?.data).toMatchObject({
      name: 'Bread (mine)',
      sku: 'BRD-7',
      brandName: 'Albany',
      alternateBarcodes: ['6001000000018'],
      cost: 1200,
      reorderLevel: 10,
      baseVersion: 3,
    });
  });

  it('use my version of a product the shop deleted: comes back as a new product', async () => {
    const opId = await fileConflict(testProduct({ syncVersion: 3, deleted: true, isActive: false }));
    await resendMyVersion(opId);
    const [operation] = await pendingOperations(50);
    expect(operation?.data).not.toHaveProperty('baseVersion');
    expect(operation?.localId).not.toBe(PRODUCT_ID);
    expect((await listProducts()).map((product) => product.name)).toEqual(['Bread (mine)']);
  });
});
