import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import { testSale, testSession } from '../testing/fixtures';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { loadCart, saveCart } from './cart';
import { pendingOperations, unsyncedCount } from './outbox';
import { recordSale } from './sales';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

describe('recordSale', () => {
  it('writes the sale and its CREATE_SALE operation together, with consecutive seqs from 1', async () => {
    const first = testSale();
    const second = testSale();
    await recordSale(first);
    await recordSale(second);

    const sales = await db.sales.toArray();
    expect(sales.map((sale) => [sale.localId, sale.syncState])).toEqual([
      [first.localId, 'pending'],
      [second.localId, 'pending'],
    ]);
    const operations = await pendingOperations(50);
    expect(operations.map((op) => [op.seq, op.type, op.localId])).toEqual([
      [1, 'CREATE_SALE', first.localId],
      [2, 'CREATE_SALE', second.localId],
    ]);
    expect(operations[0]?.data).toEqual(first);
    expect(new Set(operations.map((op) => op.opId)).size).toBe(2);
    expect(await unsyncedCount()).toBe(2);
  });

  it('gives concurrent sales distinct, gap-free seqs', async () => {
    await Promise.all(Array.from({ length: 10 }, () => recordSale(testSale())));
    const seqs = (await pendingOperations(50)).map((op) => op.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('writes nothing for a sale that does not add up (checkSale)', async () => {
    await expect(recordSale(testSale({ totalAmount: cents(3797) }))).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(recordSale(testSale({ change: cents(1) }))).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.sales.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes nothing for a sale the schema rejects', async () => {
    await expect(recordSale(testSale({ localId: 'bad id!' }))).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(recordSale(testSale({ items: [] }))).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.sales.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls back the outbox entry and the seq when the sale cannot be stored', async () => {
    const sale = testSale();
    await recordSale(sale);
    // Same localId again: the sales table refuses it, so the whole transaction aborts.
    await expect(recordSale(sale)).rejects.toThrow();
    expect(await db.sales.count()).toBe(1);
    expect((await pendingOperations(50)).map((op) => op.seq)).toEqual([1]);

    await recordSale(testSale());
    expect((await pendingOperations(50)).map((op) => op.seq)).toEqual([1, 2]);
  });

  it('empties the saved cart in the same transaction', async () => {
    await saveCart(testSale().items);
    expect(await loadCart()).toHaveLength(1);
    await recordSale(testSale());
    expect(await loadCart()).toEqual([]);
  });
});
