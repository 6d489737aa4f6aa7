import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GENESIS_HASH, cents, linkMatches, saleContent, type Sale } from '@opentill/domain';
import { testSale, testSession } from '../testing/fixtures';
import { db } from './database';
import { InvalidRecordError, isStorageFullError } from './errors';
import { loadCart, saveCart } from './cart';
import { pendingOperations, unsyncedCount } from './outbox';
import { recordSale } from './sales';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

afterEach(() => {
  vi.restoreAllMocks();
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
    expect(operations.map((op) => [op.lane, op.seq, op.type, op.localId])).toEqual([
      ['high', 1, 'CREATE_SALE', first.localId],
      ['high', 2, 'CREATE_SALE', second.localId],
    ]);
    expect(operations[0]?.data).toMatchObject(first);
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

  it('links each sale to the one before in a hash chain over its parsed content (SY10)', async () => {
    // Untrimmed name: the schema trims it, and the hash covers what the server re-parses.
    const [line] = testSale().items;
    if (!line) throw new Error('expected a line');
    const first = testSale({ items: [{ ...line, name: '  Albany White Bread 700g ' }] });
    await recordSale(first);
    await recordSale(testSale());
    const [a, b] = (await pendingOperations(50)).map((op) => op.data as Sale);
    if (!a || !b) throw new Error('expected two sales');
    expect(a.chain).toMatchObject({ seq: 1, previousHash: GENESIS_HASH });
    expect(b.chain).toMatchObject({ seq: 2, previousHash: a.chain.hash });
    expect(a.items[0]?.name).toBe('Albany White Bread 700g');
    // What the server does: re-parse, strip the link, re-hash.
    for (const sale of [a, b]) expect(linkMatches(saleContent(sale), sale.chain)).toBe(true);
    expect((await db.sales.get(a.localId))?.chain).toEqual(a.chain);
    expect((await db.meta.get('lastSaleLink'))?.value).toEqual({ seq: 2, hash: b.chain.hash });
  });

  it('leaves the chain untouched when a sale is not stored', async () => {
    const sale = testSale();
    await recordSale(sale);
    await expect(recordSale(sale)).rejects.toThrow();
    await recordSale(testSale());
    const chains = (await pendingOperations(50)).map((op) => (op.data as Sale).chain);
    expect(chains.map((link) => link.seq)).toEqual([1, 2]);
    expect(chains[1]?.previousHash).toBe(chains[0]?.hash);
  });

  it('says the storage is full, and writes nothing, when IndexedDB is out of quota', async () => {
    await saveCart({ lines: testSale().items.map((item, i) => ({ ...item, lineId: `l${i}` })) });
    vi.spyOn(db.sales, 'add').mockRejectedValueOnce(new DOMException('No room', 'QuotaExceededError'));
    const error: unknown = await recordSale(testSale()).catch((caught: unknown) => caught);
    expect(isStorageFullError(error)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await loadCart()).lines).toHaveLength(1); // the cart is kept for another try
    expect(await db.meta.get('lastSaleLink')).toBeUndefined();
  });

  it('empties the saved cart in the same transaction', async () => {
    await saveCart({ lines: testSale().items.map((item, i) => ({ ...item, lineId: `l${i}` })) });
    expect((await loadCart()).lines).toHaveLength(1);
    await recordSale(testSale());
    expect(await loadCart()).toEqual({ lines: [] });
  });
});
