import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '@opentill/domain';
import { pendingOperations } from './outbox';
import { cachePurchaseOrders, cachedPurchaseOrders, pendingOrderReceipts } from './purchaseOrders';
import { receiveStock } from './receiving';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';
import { testSession } from '../testing/fixtures';

const PRODUCT_ID = '0b7a4e4e-3c5d-4d8f-9a61-2f2f7b1c9d01';
const ORDER_ID = '7d2f7a10-1c3b-4e5f-8a9b-0c1d2e3f4a5b';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

describe('receiving against a purchase order on the phone (PO5)', () => {
  it('queues RECEIVE_STOCK with the order, offline, and counts it as pending on that order', async () => {
    await receiveStock(PRODUCT_ID, 4, { lot: 'L1', expiresOn: '2099-01-31' }, ORDER_ID);
    await receiveStock(PRODUCT_ID, 2, null, ORDER_ID);
    await receiveStock(PRODUCT_ID, 5);
    expect((await pendingOperations(50)).map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'RECEIVE_STOCK',
        data: { productId: PRODUCT_ID, quantity: 4, lot: 'L1', expiresOn: '2099-01-31', purchaseOrderId: ORDER_ID },
      },
      { type: 'RECEIVE_STOCK', data: { productId: PRODUCT_ID, quantity: 2, purchaseOrderId: ORDER_ID } },
      { type: 'RECEIVE_STOCK', data: { productId: PRODUCT_ID, quantity: 5 } },
    ]);
    expect(await pendingOrderReceipts()).toEqual(new Map([[ORDER_ID, new Map([[PRODUCT_ID, 6]])]]));
  });

  it('keeps the orders last read, for receiving after a restart with the network off', async () => {
    expect(await cachedPurchaseOrders()).toBeNull();
    const orders = [{ id: ORDER_ID, number: 'PO-0001' } as PurchaseOrder];
    await cachePurchaseOrders(orders);
    expect(await cachedPurchaseOrders()).toEqual(orders);
  });
});
