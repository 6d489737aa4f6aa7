import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRODUCT_ID, testSale, testSession } from '../testing/fixtures';
import { SIPHO_ID, THANDI_ID, testRoster } from '../testing/pinVerifiers';
import { db } from './database';
import { pendingOperations } from './outbox';
import { finishPinAttempt } from './pinAttempts';
import { deleteProduct, saveProduct } from './products';
import { recordSale } from './sales';
import { saveSession } from './session';
import { replaceRoster } from './staff';
import { recordReprint } from './reprints';
import { receiveStock } from './receiving';
import { resetLocalDatabase } from './testing';

const session = testSession();

/** Every kind of write this device makes, each through its own db function. */
async function writeOneOfEach(): Promise<void> {
  await recordSale(testSale());
  await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
  await receiveStock(PRODUCT_ID, 12);
  await deleteProduct(PRODUCT_ID);
  await recordReprint({
    sale: { deviceId: session.device.id, localId: 'sale_0000000001' },
    format: 'print',
    language: 'zu',
  });
}

beforeEach(async () => {
  await resetLocalDatabase();
});

describe('enqueueOperation stamps the acting user (SPEC ID3)', () => {
  it('stamps every operation with the signed-in user until someone switches in', async () => {
    await saveSession(session);
    await writeOneOfEach();
    const operations = await pendingOperations(50);
    expect(operations.map((op) => op.type).sort()).toEqual([
      'CREATE_SALE',
      'DELETE_PRODUCT',
      'RECEIVE_STOCK',
      'RECORD_REPRINT',
      'UPSERT_PRODUCT',
    ]);
    expect(operations.every((op) => op.actorId === session.user.id)).toBe(true);
  });

  it('stamps each operation with whoever was acting when it was written', async () => {
    await saveSession(session);
    await replaceRoster(session.device.id, testRoster(session.user.id), new Date());
    await finishPinAttempt(THANDI_ID, true);
    const thandis = testSale();
    await recordSale(thandis);
    await saveProduct({ id: PRODUCT_ID, name: 'Bread', price: 1899 });
    await finishPinAttempt(SIPHO_ID, true);
    const siphos = testSale();
    await recordSale(siphos);

    const operations = await pendingOperations(50);
    expect(operations.map((op) => [op.type, op.actorId])).toEqual([
      ['CREATE_SALE', THANDI_ID],
      ['CREATE_SALE', SIPHO_ID],
      ['UPSERT_PRODUCT', THANDI_ID],
    ]);
    // The sale keeps its cashier for the receipt; the chained content does not include it.
    expect((await db.sales.get(thandis.localId))?.cashier).toEqual({ userId: THANDI_ID, name: 'Thandi Nkosi' });
    expect((await db.sales.get(siphos.localId))?.cashier).toEqual({ userId: SIPHO_ID, name: 'Sipho Mokoena' });
    expect(operations[0]?.data).not.toHaveProperty('cashier');
  });

  it('leaves actorId out when nobody has signed in (the server then takes the token’s user)', async () => {
    const sale = testSale();
    await recordSale(sale);
    const [operation] = await pendingOperations(50);
    expect(operation).not.toHaveProperty('actorId');
    expect((await db.sales.get(sale.localId))?.cashier).toBeUndefined();
  });
});
