import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS, cents, type Conflict } from '@opentill/domain';
import { PRODUCT_ID, ack, testProduct, pageOf, testSale, testSession } from '../testing/fixtures';
import { db } from './database';
import { getCursor, getShopSettings } from './meta';
import {
  applyAcknowledgments,
  applySyncResult,
  dismissRejected,
  pendingOperations,
  recordFailedAttempt,
  rejectedOperations,
  syncOverview,
  unsyncedCount,
} from './outbox';
import { dismissConflict, dismissRefusedSale } from './conflicts';
import { deleteProduct, saveProduct } from './products';
import { recordSale } from './sales';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

async function threeSales() {
  for (let i = 0; i < 3; i++) await recordSale(testSale());
  const operations = await pendingOperations(50);
  const [created, rejected, refused] = operations;
  if (!created || !rejected || !refused) throw new Error('expected three operations');
  return { created, rejected, refused };
}

describe('applyAcknowledgments', () => {
  it('created: removes the entry and marks the sale synced', async () => {
    const { created } = await threeSales();
    await applyAcknowledgments([ack(created, 'created')]);
    expect(await db.outbox.get(created.opId)).toBeUndefined();
    const sale = await db.sales.get(created.localId);
    expect(sale?.syncState).toBe('synced');
    expect(sale?.serverId).toEqual(expect.any(String));
  });

  it('rejected: keeps the entry as rejected with the error, no longer sent', async () => {
    const { rejected } = await threeSales();
    const error = { code: 'OT_ERR_SALE_INVALID' as const, message: 'The sale does not add up.' };
    await applyAcknowledgments([ack(rejected, 'rejected', error)]);
    const entry = await db.outbox.get(rejected.opId);
    expect(entry?.status).toBe('rejected');
    expect(entry?.lastError).toEqual(error);
    expect((await db.sales.get(rejected.localId))?.syncState).toBe('rejected');
    expect((await pendingOperations(50)).map((op) => op.opId)).not.toContain(rejected.opId);
    expect((await rejectedOperations()).map((op) => op.opId)).toEqual([rejected.opId]);
  });

  it('refused: keeps the entry pending, unchanged on the wire, for the next push', async () => {
    const { refused } = await threeSales();
    const error = { code: 'OT_ERR_SEQUENCE_GAP' as const, message: 'An earlier operation has not arrived.' };
    await applyAcknowledgments([ack(refused, 'refused', error)]);
    const entry = await db.outbox.get(refused.opId);
    expect(entry?.status).toBe('pending');
    expect(entry?.attempts).toBe(1);
    expect((await pendingOperations(50)).find((op) => op.opId === refused.opId)).toEqual(refused);
    expect((await db.sales.get(refused.localId))?.syncState).toBe('pending');
  });

  it('applies a mixed answer, and a repeated answer changes nothing more', async () => {
    const { created, rejected, refused } = await threeSales();
    const answer = [ack(created, 'created'), ack(rejected, 'rejected'), ack(refused, 'refused')];
    await applyAcknowledgments(answer);
    await applyAcknowledgments(answer.slice(0, 2));
    expect(await unsyncedCount()).toBe(1);
    expect((await pendingOperations(50)).map((op) => op.opId)).toEqual([refused.opId]);
  });
  it('deleted: removes the entry', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await deleteProduct(PRODUCT_ID);
    const [, deletion] = await pendingOperations(50);
    if (!deletion) throw new Error('expected the deletion');
    expect(deletion).toMatchObject({ lane: 'medium', seq: 2, type: 'DELETE_PRODUCT', data: { id: PRODUCT_ID } });
    await applyAcknowledgments([ack(deletion, 'deleted')]);
    expect(await db.outbox.get(deletion.opId)).toBeUndefined();
  });

  it("conflict: removes the entry, files the conflict and shows the shop's version", async () => {
    await db.products.put({
      ...testProduct({ syncVersion: 2 }),
      price: cents(1899),
      cost: null,
      branchPrice: undefined,
    });
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (mine)', price: 1999 });
    const [edit] = await pendingOperations(50);
    if (!edit || edit.type !== 'UPSERT_PRODUCT') throw new Error('expected the edit');
    expect(edit.data.baseVersion).toBe(2);
    const conflict: Conflict = {
      kind: 'STALE_EDIT',
      entity: 'product',
      recordId: PRODUCT_ID,
      server: testProduct({ name: 'Bread (shop)', syncVersion: 3 }),
      device: edit.data,
    };
    await applyAcknowledgments([{ ...ack(edit, 'conflict'), conflict }]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.toArray()).toEqual([{ opId: edit.opId, conflict, receivedAt: expect.any(String) }]);
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({ name: 'Bread (shop)', syncVersion: 3 });
  });

  it("conflict: takes the conflict from the answer's conflicts[] when the ack has none", async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (mine)', price: 1999 });
    const [edit] = await pendingOperations(50);
    if (!edit || edit.type !== 'UPSERT_PRODUCT') throw new Error('expected the edit');
    const conflict: Conflict = {
      kind: 'STALE_EDIT',
      entity: 'product',
      recordId: PRODUCT_ID,
      server: testProduct({ syncVersion: 4, deleted: true }),
      device: edit.data,
    };
    await applyAcknowledgments([ack(edit, 'conflict')], [{ opId: edit.opId, conflict }]);
    expect((await db.conflicts.get(edit.opId))?.conflict).toEqual(conflict);
    expect(await db.products.get(PRODUCT_ID)).toBeUndefined(); // the shop deleted it
  });
});

describe('a sale refused for lack of stock (OUT_OF_STOCK)', () => {
  async function refuseFirstSale() {
    const { created: sale, rejected: other } = await threeSales();
    const conflict: Conflict = {
      kind: 'OUT_OF_STOCK',
      entity: 'sale',
      recordId: sale.localId,
      shortages: [{ productId: PRODUCT_ID, requested: 2, available: 1 }],
    };
    const serverId = crypto.randomUUID();
    await applyAcknowledgments([
      { ...ack(sale, 'conflict'), serverId, conflict },
      ack(other, 'rejected', { code: 'OT_ERR_SALE_INVALID', message: 'No.' }),
    ]);
    return { sale, conflict, serverId };
  }

  it('leaves the queue, goes to the inbox with the sale, and marks the sale refused', async () => {
    const { sale, conflict, serverId } = await refuseFirstSale();
    expect(await db.outbox.get(sale.opId)).toBeUndefined();
    expect(await db.sales.get(sale.localId)).toMatchObject({ syncState: 'refused', serverId });
    expect(await syncOverview()).toMatchObject({
      inbox: [
        { kind: 'OUT_OF_STOCK', opId: sale.opId, conflict, sale: expect.objectContaining({ localId: sale.localId }) },
      ],
    });
  });

  it('is not counted as waiting to be sent, and neither is a rejection', async () => {
    await refuseFirstSale();
    expect(await unsyncedCount()).toBe(1); // the third sale only
  });

  it('"Dismiss" clears it from the inbox and keeps the sale here, marked refused', async () => {
    const { sale } = await refuseFirstSale();
    expect(await dismissRefusedSale(sale.opId)).toBe(true);
    expect(await dismissRefusedSale(sale.opId)).toBe(false);
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.sales.get(sale.localId)).toMatchObject({ syncState: 'refused' });
    expect((await syncOverview()).inbox).toEqual([]);
  });
});

describe('a refund its sale does not cover (REFUND_EXCEEDS_SALE)', () => {
  it('leaves the queue, goes to the inbox with the product names, and "Dismiss" clears it', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    // The till has no refund screen yet (issue 5): queue the refund by hand.
    const entry = {
      opId: crypto.randomUUID(),
      lane: 'critical' as const,
      seq: 1,
      type: 'REFUND_SALE' as const,
      localId: 'refund_0000000001',
      data: {
        localId: 'refund_0000000001',
        sale: { deviceId: testSession().device.id, localId: 'sale_0000000001' },
        items: [{ productId: PRODUCT_ID, name: 'Bread', quantity: 3, price: 1899 }],
        amount: 5697,
        method: 'cash' as const,
        restock: true,
        reason: 'Returned',
        createdAt: new Date().toISOString(),
      },
      status: 'pending' as const,
      attempts: 0,
      createdAt: new Date().toISOString(),
    };
    await db.outbox.add(entry);
    const conflict: Conflict = {
      kind: 'REFUND_EXCEEDS_SALE',
      entity: 'refund',
      recordId: entry.localId,
      saleId: crypto.randomUUID(),
      excess: [{ productId: PRODUCT_ID, requested: 3, refundable: 1, overpriced: false }],
    };
    await applyAcknowledgments([{ ...ack(entry, 'conflict'), conflict }]);
    expect(await db.outbox.get(entry.opId)).toBeUndefined();
    const { inbox } = await syncOverview();
    expect(inbox).toEqual([expect.objectContaining({ kind: 'REFUND_EXCEEDS_SALE', opId: entry.opId, conflict })]);
    expect(inbox[0]?.kind === 'REFUND_EXCEEDS_SALE' && inbox[0].names.get(PRODUCT_ID)).toBe('Bread');
    await dismissConflict(entry.opId);
    expect((await syncOverview()).inbox).toEqual([]);
  });
});

describe('pendingOperations', () => {
  it('reads lane by lane, critical first, each lane in seq order, up to the limit', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await recordSale(testSale());
    await recordSale(testSale());
    // Queue a critical one by hand, after the sales.
    const [sale] = await pendingOperations(1);
    if (!sale) throw new Error('expected a sale');
    await db.outbox.add({
      ...sale,
      opId: crypto.randomUUID(),
      lane: 'critical',
      seq: 1,
      status: 'pending',
      attempts: 0,
      createdAt: new Date().toISOString(),
    });
    expect((await pendingOperations(50)).map((op) => [op.lane, op.seq])).toEqual([
      ['critical', 1],
      ['high', 1],
      ['high', 2],
      ['medium', 1],
    ]);
    expect((await pendingOperations(2)).map((op) => [op.lane, op.seq])).toEqual([
      ['critical', 1],
      ['high', 1],
    ]);
  });
});

describe('syncOverview', () => {
  it('counts the queue per lane and finds the oldest waiting operation', async () => {
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await recordSale(testSale());
    const [, product] = await pendingOperations(50);
    if (!product) throw new Error('expected the product edit');
    await db.outbox.update(product.opId, { createdAt: '2020-01-01T00:00:00.000Z' });
    const overview = await syncOverview();
    expect(overview).toMatchObject({
      pendingByLane: { critical: 0, high: 1, medium: 1 },
      oldestPendingAt: '2020-01-01T00:00:00.000Z',
      rejected: [],
      inbox: [],
      lastSyncedAt: null,
    });
  });
});

describe('dismissRejected', () => {
  const invalid = { code: 'OT_ERR_SALE_INVALID', message: 'Does not add up.' } as const;

  it('dismisses a rejected operation: it leaves the queue and no longer blocks sign-out', async () => {
    const { rejected } = await threeSales();
    await applyAcknowledgments([ack(rejected, 'rejected', invalid)]);

    expect(await dismissRejected(rejected.opId)).toBe(true);
    expect(await db.outbox.get(rejected.opId)).toBeUndefined();
    expect(await rejectedOperations()).toEqual([]);
    // The other two sales are untouched and still wait to be sent.
    expect(await unsyncedCount()).toBe(2);
  });

  it('refuses to delete a pending operation', async () => {
    const { created } = await threeSales();

    expect(await dismissRejected(created.opId)).toBe(false);
    expect(await db.outbox.get(created.opId)).toMatchObject({ status: 'pending' });
    expect(await unsyncedCount()).toBe(3);
    expect(await db.sales.get(created.localId)).toMatchObject({ syncState: 'pending' });
  });

  it('keeps the sale on this phone, marked rejected', async () => {
    const { rejected } = await threeSales();
    await applyAcknowledgments([ack(rejected, 'rejected', invalid)]);
    // Even if the sale's mark were somehow lost, dismissing sets it again.
    await db.sales.update(rejected.localId, { syncState: 'pending' });

    await dismissRejected(rejected.opId);
    const sale = await db.sales.get(rejected.localId);
    expect(sale).toBeDefined();
    expect(sale?.syncState).toBe('rejected');
    expect(await db.sales.count()).toBe(3);
  });

  it('does nothing for an unknown or already dismissed operation', async () => {
    const { rejected } = await threeSales();
    await applyAcknowledgments([ack(rejected, 'rejected', invalid)]);
    await dismissRejected(rejected.opId);

    expect(await dismissRejected(rejected.opId)).toBe(false);
    expect(await dismissRejected(crypto.randomUUID())).toBe(false);
    expect(await db.sales.count()).toBe(3);
  });
});

describe('recordFailedAttempt', () => {
  it('counts the attempt and keeps the operation pending', async () => {
    const { created } = await threeSales();
    await recordFailedAttempt([created.opId], { code: 'network', message: 'No answer.' });
    const entry = await db.outbox.get(created.opId);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastError: { code: 'network' } });
  });
});

describe('applySyncResult', () => {
  it('applies acknowledgments, products and the cursor in one transaction', async () => {
    const { created } = await threeSales();
    await applySyncResult({
      deviceId: testSession().device.id,
      acknowledgments: [ack(created, 'created')],
      page: pageOf({ products: [testProduct()] }),
      cursor: 'c1',
    });
    expect(await unsyncedCount()).toBe(2);
    expect(await db.products.count()).toBe(1);
    expect(await getCursor()).toBe('c1');
  });

  it('SS2: keeps the shop’s settings the answer carried; an answer without them changes nothing', async () => {
    expect(await getShopSettings()).toEqual(DEFAULT_SHOP_SETTINGS);
    const answer = { deviceId: testSession().device.id, acknowledgments: [], page: pageOf(), cursor: 'c1' };
    await applySyncResult({ ...answer, shop: { ...DEFAULT_SHOP_SETTINGS, cashRounding: true } });
    expect(await getShopSettings()).toEqual({ ...DEFAULT_SHOP_SETTINGS, cashRounding: true });
    await applySyncResult(answer);
    expect(await getShopSettings()).toEqual({ ...DEFAULT_SHOP_SETTINGS, cashRounding: true });
  });

  it('writes nothing when part of it fails', async () => {
    const { created } = await threeSales();
    const broken = testProduct({ price: -1 }); // cents() throws: the whole transaction aborts
    await expect(
      applySyncResult({
        deviceId: testSession().device.id,
        acknowledgments: [ack(created, 'created')],
        page: pageOf({ products: [broken] }),
        cursor: 'c2',
      }),
    ).rejects.toThrow();
    expect(await unsyncedCount()).toBe(3);
    expect(await getCursor()).toBeNull();
  });
});
