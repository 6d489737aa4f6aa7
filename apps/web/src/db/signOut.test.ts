import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '@opentill/domain';
import { PRODUCT_ID, ack, testProduct, pageOf, testSale, testSession, testStockException } from '../testing/fixtures';
import { THANDI_ID, testRoster } from '../testing/pinVerifiers';
import { saveCart } from './cart';
import { db } from './database';
import { applyAcknowledgments, applySyncResult, pendingOperations } from './outbox';
import { startPinAttempt } from './pinAttempts';
import { saveProduct } from './products';
import { recordSale } from './sales';
import { getSession, saveSession } from './session';
import { signOutDevice, unsyncedItems } from './signOut';
import { startCount } from './stockCounts';
import { replaceRoster } from './staff';
import { firstOperation, resetLocalDatabase, tableCounts } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

describe('signOutDevice (ARCHITECTURE "Sync" 1)', () => {
  it('refuses while operations wait to be sent, and deletes nothing', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await recordSale(testSale());
    await saveCart({ lines: [{ lineId: 'l1', productId: PRODUCT_ID, name: 'Bread', price: 1899, quantity: 1 }] });
    const before = await tableCounts();

    expect(await signOutDevice()).toEqual({
      signedOut: false,
      unsynced: { pending: 2, rejected: 0, conflicts: 0, openCounts: 0 },
    });
    expect(await tableCounts()).toEqual(before);
    expect(await getSession()).toEqual(testSession());
    expect(await pendingOperations(50)).toHaveLength(2);
  });

  it('refuses while a rejected operation is still listed', async () => {
    await recordSale(testSale());
    const sale = await firstOperation();
    await applyAcknowledgments([ack(sale, 'rejected', { code: 'OT_ERR_SALE_INVALID', message: 'Does not add up.' })]);
    const before = await tableCounts();

    expect(await signOutDevice()).toEqual({
      signedOut: false,
      unsynced: { pending: 0, rejected: 1, conflicts: 0, openCounts: 0 },
    });
    expect(await tableCounts()).toEqual(before);
    expect(await db.sales.get(sale.localId)).toMatchObject({ syncState: 'rejected' });
  });

  it('refuses while a conflict waits in the inbox', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (mine)', price: 1999 });
    const edit = await firstOperation();
    if (edit.type !== 'UPSERT_PRODUCT') throw new Error('expected the edit');
    const conflict: Conflict = {
      kind: 'STALE_EDIT',
      entity: 'product',
      recordId: PRODUCT_ID,
      server: testProduct({ name: 'Bread (shop)', syncVersion: 3 }),
      device: edit.data,
    };
    await applyAcknowledgments([{ ...ack(edit, 'conflict'), conflict }]);
    const before = await tableCounts();

    expect(await signOutDevice()).toEqual({
      signedOut: false,
      unsynced: { pending: 0, rejected: 0, conflicts: 1, openCounts: 0 },
    });
    expect(await tableCounts()).toEqual(before);
    expect(await db.conflicts.count()).toBe(1);
  });

  it('refuses while a stock count is open here: it lives only on this phone (SC1)', async () => {
    await startCount('cycle', [{ id: PRODUCT_ID, name: 'Bread' }], testSession().user.id);
    expect(await signOutDevice()).toEqual({
      signedOut: false,
      unsynced: { pending: 0, rejected: 0, conflicts: 0, openCounts: 1 },
    });
    expect(await db.stockCounts.count()).toBe(1);
  });

  it('clears every table when everything is synced', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await recordSale(testSale());
    const operations = await pendingOperations(50);
    await applySyncResult({
      deviceId: testSession().device.id,
      acknowledgments: operations.map((operation) => ack(operation, 'created')),
      page: pageOf({
        products: [testProduct()],
        stock: [{ productId: PRODUCT_ID, onHand: -1 }],
        // An open stock exception lives on the server: it does not hold the phone.
        stockExceptions: [testStockException()],
      }),
      cursor: 'c1',
    });
    await saveCart({ lines: [{ lineId: 'l1', productId: PRODUCT_ID, name: 'Bread', price: 1899, quantity: 1 }] });
    // The staff's PIN verifiers and wrong-PIN counts go too: they belong to the shop, not the phone.
    await replaceRoster(testSession().device.id, testRoster(testSession().user.id), new Date());
    await startPinAttempt(THANDI_ID, new Date());
    expect(await unsyncedItems()).toEqual({ pending: 0, rejected: 0, conflicts: 0, openCounts: 0 });
    expect(await db.sales.count()).toBe(1);

    expect(await signOutDevice()).toEqual({ signedOut: true });
    const counts = await tableCounts();
    expect(Object.keys(counts).sort()).toEqual([
      'accountPayments',
      'batches',
      'cashMovements',
      'conflicts',
      'customers',
      'meta',
      'outbox',
      'pinAttempts',
      'products',
      'refunds',
      'sales',
      'session',
      'shifts',
      'staff',
      'stock',
      'stockCounts',
      'stockExceptions',
    ]);
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    expect(await getSession()).toBeNull();
  });

  it('re-checks inside its transaction: a sale recorded after the screen counted blocks it', async () => {
    expect(await unsyncedItems()).toEqual({ pending: 0, rejected: 0, conflicts: 0, openCounts: 0 }); // what the screen saw
    await recordSale(testSale());
    expect(await signOutDevice()).toMatchObject({ signedOut: false, unsynced: { pending: 1 } });
    expect(await db.sales.count()).toBe(1);
  });

  it('a sync answer that arrives after sign-out writes nothing', async () => {
    expect(await signOutDevice()).toEqual({ signedOut: true });
    const applied = await applySyncResult({
      deviceId: testSession().device.id,
      acknowledgments: [],
      page: pageOf({ products: [testProduct()] }),
      cursor: 'c9',
    });
    expect(applied).toBe(false);
    expect(await db.products.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });
});
