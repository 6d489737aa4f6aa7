import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  OTHER_PRODUCT_ID,
  PRODUCT_ID,
  ack,
  pageOf,
  testProduct,
  testSale,
  testSession,
  testStockException,
} from '../testing/fixtures';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { getCursor } from './meta';
import { applyAcknowledgments, applySyncResult, pendingOperations } from './outbox';
import { recordSale } from './sales';
import { saveSession } from './session';
import { receiveStock } from './receiving';
import { countStock, stockShownHere } from './stock';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

/** A sale of `quantity` loaves of the test product (R18,99 each, paid exactly). */
function breadSale(quantity: number) {
  const total = 1899 * quantity;
  return testSale({
    items: [{ productId: PRODUCT_ID, name: 'Bread', quantity, price: 1899 }],
    totalAmount: total,
    tendered: total,
    change: 0,
  });
}

async function pullFigure(onHand: number, cursor = 'c1') {
  await applySyncResult({
    deviceId: testSession().device.id,
    acknowledgments: [],
    page: pageOf({ stock: [{ productId: PRODUCT_ID, onHand }] }),
    cursor,
  });
}

describe('stockShownHere', () => {
  it('is the pulled figure minus pending sales plus pending deliveries', async () => {
    await pullFigure(10);
    await recordSale(breadSale(3));
    await receiveStock(PRODUCT_ID, 5);
    await receiveStock(OTHER_PRODUCT_ID, 2); // no figure pulled yet: from zero
    expect(await stockShownHere()).toEqual(
      new Map([
        [PRODUCT_ID, 12],
        [OTHER_PRODUCT_ID, 2],
      ]),
    );
  });

  it('does not count a sale twice once it is acknowledged with the new figure', async () => {
    await pullFigure(10);
    await recordSale(breadSale(3));
    const [sale] = await pendingOperations(50);
    if (!sale) throw new Error('expected the sale');
    await applySyncResult({
      deviceId: testSession().device.id,
      acknowledgments: [ack(sale, 'created')],
      page: pageOf({ stock: [{ productId: PRODUCT_ID, onHand: 7 }] }),
      cursor: 'c2',
    });
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(7);
  });

  it('stops counting a sale the server rejected', async () => {
    await pullFigure(10);
    await recordSale(breadSale(3));
    const [sale] = await pendingOperations(50);
    if (!sale) throw new Error('expected the sale');
    await applyAcknowledgments([ack(sale, 'rejected', { code: 'OT_ERR_SALE_INVALID', message: 'No.' })]);
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(10);
  });
});

describe('applySyncResult: stock', () => {
  it('applies figures and exceptions with the products and the cursor, or none of them', async () => {
    const page = pageOf({
      products: [testProduct({ trackStock: true })],
      stock: [{ productId: PRODUCT_ID, onHand: -1 }],
      stockExceptions: [testStockException()],
    });
    await applySyncResult({ deviceId: testSession().device.id, acknowledgments: [], page, cursor: 'c1' });
    expect(await db.stock.toArray()).toEqual([{ productId: PRODUCT_ID, onHand: -1 }]);
    expect(await db.stockExceptions.toArray()).toEqual([testStockException()]);

    const broken = pageOf({
      products: [testProduct({ price: -1, syncVersion: 2 })], // cents() throws: the transaction aborts
      stock: [{ productId: PRODUCT_ID, onHand: 5 }],
      stockExceptions: [testStockException({ status: 'resolved', resolution: 'accepted' })],
    });
    await expect(
      applySyncResult({ deviceId: testSession().device.id, acknowledgments: [], page: broken, cursor: 'c2' }),
    ).rejects.toThrow();
    expect(await db.stock.toArray()).toEqual([{ productId: PRODUCT_ID, onHand: -1 }]);
    expect((await db.stockExceptions.get(testStockException().id))?.status).toBe('open');
    expect(await getCursor()).toBe('c1');
  });

  it('BR3: a till moved to another branch drops the old branch’s figures, exceptions and batches', async () => {
    const deviceId = testSession().device.id;
    const batch = { id: crypto.randomUUID(), productId: PRODUCT_ID, lot: 'L1', expiresOn: null, onHand: 4 };
    const oldBranch = pageOf({
      stock: [{ productId: PRODUCT_ID, onHand: 4 }],
      stockExceptions: [testStockException()],
      batches: [batch],
    });
    await applySyncResult({ deviceId, acknowledgments: [], page: oldBranch, cursor: 'c1' });
    const moved = { ...pageOf({ stock: [{ productId: OTHER_PRODUCT_ID, onHand: 2 }] }), stockReset: true };
    await applySyncResult({ deviceId, acknowledgments: [], page: moved, cursor: 'c2' });
    expect(await db.stock.toArray()).toEqual([{ productId: OTHER_PRODUCT_ID, onHand: 2 }]);
    expect([await db.stockExceptions.count(), await db.batches.count()]).toEqual([0, 0]);
  });

  it('forgets the figures and exceptions of the previous device when another signs in', async () => {
    await applySyncResult({
      deviceId: testSession().device.id,
      acknowledgments: [],
      page: pageOf({ stock: [{ productId: PRODUCT_ID, onHand: 4 }], stockExceptions: [testStockException()] }),
      cursor: 'c1',
    });
    await saveSession(testSession(crypto.randomUUID()));
    expect(await db.stock.count()).toBe(0);
    expect(await db.stockExceptions.count()).toBe(0);
    expect(await getCursor()).toBeNull();
  });
});

describe('receiveStock', () => {
  it('queues RECEIVE_STOCK in the critical lane', async () => {
    await receiveStock(PRODUCT_ID, 24);
    expect(await pendingOperations(50)).toEqual([
      expect.objectContaining({
        lane: 'critical',
        seq: 1,
        type: 'RECEIVE_STOCK',
        data: { productId: PRODUCT_ID, quantity: 24 },
      }),
    ]);
  });

  it('queues a lot with its expiry, and refuses offline an expired lot or a second expiry for a held lot', async () => {
    await receiveStock(PRODUCT_ID, 6, { lot: 'L-42', expiresOn: '2099-05-31' });
    await db.batches.put({
      id: crypto.randomUUID(),
      productId: PRODUCT_ID,
      lot: 'HELD',
      expiresOn: '2099-01-31',
      onHand: 2,
    });
    await expect(receiveStock(PRODUCT_ID, 1, { lot: 'OLD', expiresOn: '2001-01-31' })).rejects.toMatchObject({
      reason: 'BATCH_EXPIRED',
    });
    await expect(receiveStock(PRODUCT_ID, 1, { lot: 'HELD', expiresOn: '2099-02-28' })).rejects.toMatchObject({
      reason: 'LOT_EXPIRY_MISMATCH',
    });
    expect((await pendingOperations(50)).map((entry) => entry.data)).toEqual([
      { productId: PRODUCT_ID, quantity: 6, lot: 'L-42', expiresOn: '2099-05-31' },
    ]);
  });

  it('writes nothing for a quantity that is not a whole number of units', async () => {
    for (const quantity of [0, -3, 1.5, 2_000_000]) {
      await expect(receiveStock(PRODUCT_ID, quantity)).rejects.toBeInstanceOf(InvalidRecordError);
    }
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('countStock', () => {
  it('sends the difference between the count and the figure shown, pending sales included', async () => {
    await pullFigure(10);
    await recordSale(breadSale(2)); // shown: 8
    expect(await countStock(PRODUCT_ID, 5)).toEqual({ delta: -3 });
    const adjustment = (await pendingOperations(50)).find((op) => op.type === 'ADJUST_STOCK');
    expect(adjustment).toMatchObject({ lane: 'critical', data: { productId: PRODUCT_ID, delta: -3, reason: 'count' } });
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(5);
  });

  it('SC4: names the manager who approved the count, for the server to check', async () => {
    await pullFigure(10);
    const manager = crypto.randomUUID();
    expect(await countStock(PRODUCT_ID, 7, manager)).toEqual({ delta: -3 });
    const [adjustment] = await pendingOperations(50);
    expect(adjustment).toMatchObject({ data: { delta: -3, reason: 'count', approvedBy: manager } });
  });

  it('sends nothing when the count matches', async () => {
    await pullFigure(10);
    expect(await countStock(PRODUCT_ID, 10)).toEqual({ delta: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes nothing for a count that is not a whole number from zero', async () => {
    await expect(countStock(PRODUCT_ID, -1)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(countStock(PRODUCT_ID, 2.5)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.outbox.count()).toBe(0);
  });
});
