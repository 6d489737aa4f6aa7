import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '@opentill/domain';
import { PRODUCT_ID, ack, pageOf, testProduct, testSale, testSession } from '../testing/fixtures';
import { THANDI_ID, testRoster } from '../testing/pinVerifiers';
import { saveCart } from './cart';
import { db } from './database';
import { META_KEYS } from './metaKeys';
import { applyAcknowledgments, applySyncResult, pendingOperations } from './outbox';
import { startPinAttempt } from './pinAttempts';
import { saveProduct } from './products';
import { forgetRemovedDevice, getDeviceRemovedNotice } from './removedDevice';
import { recordSale } from './sales';
import { getSession, saveSession } from './session';
import { replaceRoster } from './staff';
import { firstOperation, resetLocalDatabase, tableCounts } from './testing';

const DEVICE_ID = testSession().device.id;
const REMOVED_AT = new Date('2026-11-24T08:00:00.000Z');

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

/** The server answered every queued operation: the queue is empty. */
async function deliverAll(deviceId = DEVICE_ID): Promise<void> {
  const operations = await pendingOperations(50);
  const acknowledgments = operations.map((operation) => ack(operation, 'created'));
  await applySyncResult({ deviceId, acknowledgments, page: pageOf(), cursor: 'c1' });
}

describe('forgetRemovedDevice (the owner removed this phone)', () => {
  it('once nothing waits to be sent, wipes every table as sign-out does and leaves only the notice', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await recordSale(testSale());
    await deliverAll();
    await saveCart({ lines: [{ lineId: 'l1', productId: PRODUCT_ID, name: 'Bread', price: 1899, quantity: 1 }] });
    await replaceRoster(DEVICE_ID, testRoster(testSession().user.id), new Date());
    await startPinAttempt(THANDI_ID, new Date());

    expect(await forgetRemovedDevice(DEVICE_ID, REMOVED_AT)).toBe('wiped');

    const counts = await tableCounts();
    expect(counts).toMatchObject({ meta: 1, sales: 0, products: 0, session: 0, staff: 0, pinAttempts: 0 });
    expect(Object.entries(counts).every(([name, count]) => name === 'meta' || count === 0)).toBe(true);
    expect(await getSession()).toBeNull();
    expect(await getDeviceRemovedNotice()).toEqual({
      businessName: testSession().tenant.businessName,
      removedAt: REMOVED_AT.toISOString(),
    });
  });

  it('deletes nothing while an operation still waits to be sent', async () => {
    await recordSale(testSale());
    const before = await tableCounts();

    expect(await forgetRemovedDevice(DEVICE_ID)).toBe('pending');
    expect(await tableCounts()).toEqual(before);
    expect(await getDeviceRemovedNotice()).toBeNull();
  });

  it('is not held back by rejected operations or open conflicts: the server has its answers', async () => {
    await recordSale(testSale());
    const sale = await firstOperation();
    await applyAcknowledgments([ack(sale, 'rejected', { code: 'OT_ERR_DEVICE_REVOKED', message: 'Removed.' })]);
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

    expect(await forgetRemovedDevice(DEVICE_ID)).toBe('wiped');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.sales.count()).toBe(0);
  });

  it('leaves a phone alone that was signed out, or signed in as another device, meanwhile', async () => {
    await db.session.clear();
    expect(await forgetRemovedDevice(DEVICE_ID)).toBe('not-signed-in');

    const other = testSession('0d4c3b2a-1908-4776-8554-433221100fee');
    await saveSession(other);
    await recordSale(testSale());
    await deliverAll(other.device.id);
    expect(await forgetRemovedDevice(DEVICE_ID)).toBe('not-signed-in');
    expect(await getSession()).toEqual(other);
    expect(await db.sales.count()).toBe(1);
    expect(await getDeviceRemovedNotice()).toBeNull();
  });

  it('the notice stays until the phone signs in again', async () => {
    expect(await forgetRemovedDevice(DEVICE_ID)).toBe('wiped');
    expect(await getDeviceRemovedNotice()).not.toBeNull();

    await saveSession(testSession('0d4c3b2a-1908-4776-8554-433221100fee'));
    expect(await getDeviceRemovedNotice()).toBeNull();
  });

  it('reads an unreadable notice as none', async () => {
    await db.meta.put({ key: META_KEYS.deviceRemoved, value: { businessName: 42 } });
    expect(await getDeviceRemovedNotice()).toBeNull();
  });
});
