import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, linkMatches, saleContent, type Sale } from '@opentill/domain';
import { PRODUCT_ID, testSale, testSession } from '../testing/fixtures';
import { DATABASE_NAME, db } from './database';
import { nextSeqKey } from './meta';
import { pendingOperations, rejectedOperations } from './outbox';
import { saveProduct } from './products';
import { recordSale } from './sales';

/** Database version 1 exactly as it shipped. */
function openVersionOne(): Dexie {
  const old = new Dexie(DATABASE_NAME);
  old.version(1).stores({
    session: '&key',
    products: '&id, name, barcode, category',
    sales: '&localId, createdAt, syncState',
    outbox: '&opId, &seq, status',
    meta: '&key',
  });
  return old;
}

function versionOneEntry(seq: number, type: string, localId: string, data: unknown, status = 'pending') {
  return {
    opId: crypto.randomUUID(),
    seq,
    type,
    localId,
    data,
    status,
    attempts: 0,
    createdAt: '2026-11-23T10:00:00Z',
  };
}

beforeEach(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
});

afterEach(() => {
  db.close();
});

describe('database version 1 → 2', () => {
  it('keeps every queued operation, with its lane and seqs renumbered per lane in the old order', async () => {
    const synced = testSale();
    const [saleA, saleB, saleC] = [testSale(), testSale(), testSale()];
    const product = { id: PRODUCT_ID, name: 'Bread', price: 1899, barcode: null, category: null };
    const old = openVersionOne();
    await old.open();
    await old.table('session').put({ ...testSession(), key: 'current', savedAt: '2026-11-23T09:00:00Z' });
    // seq 1 (synced sale) and 4 (an acknowledged product) left the outbox before the upgrade.
    await old.table('sales').bulkAdd([
      { ...synced, syncState: 'synced' },
      { ...saleA, syncState: 'pending' },
      { ...saleB, syncState: 'rejected' },
      { ...saleC, syncState: 'pending' },
    ]);
    await old
      .table('outbox')
      .bulkAdd([
        versionOneEntry(2, 'CREATE_SALE', saleA.localId, saleA),
        versionOneEntry(3, 'UPSERT_PRODUCT', PRODUCT_ID, product),
        versionOneEntry(5, 'CREATE_SALE', saleB.localId, saleB, 'rejected'),
        versionOneEntry(6, 'CREATE_SALE', saleC.localId, saleC),
        versionOneEntry(7, 'UPSERT_PRODUCT', PRODUCT_ID, { ...product, price: 1999 }),
      ]);
    await old.table('meta').put({ key: 'nextSeq', value: 8 });
    old.close();

    await db.open();
    expect(db.verno).toBe(2);

    const pending = await pendingOperations(50);
    expect(pending.map((op) => [op.lane, op.seq, op.type, op.localId])).toEqual([
      ['high', 1, 'CREATE_SALE', saleA.localId],
      ['high', 2, 'CREATE_SALE', saleC.localId],
      ['medium', 1, 'UPSERT_PRODUCT', PRODUCT_ID],
      ['medium', 2, 'UPSERT_PRODUCT', PRODUCT_ID],
    ]);
    expect((await rejectedOperations()).map((op) => [op.lane, op.localId])).toEqual([['high', saleB.localId]]);

    // The pending sales are linked into a chain, in their old order, so they can still be sent.
    const [a, c] = pending.slice(0, 2).map((op) => op.data as Sale);
    if (!a || !c) throw new Error('expected two sales');
    expect(a.chain).toMatchObject({ seq: 1, previousHash: GENESIS_HASH });
    expect(c.chain).toMatchObject({ seq: 2, previousHash: a.chain.hash });
    for (const sale of [a, c]) expect(linkMatches(saleContent(sale), sale.chain)).toBe(true);
    expect((await db.sales.get(saleA.localId))?.chain).toEqual(a.chain);
    expect((await db.sales.get(synced.localId))?.chain).toBeUndefined();

    // Counters continue after the renumbered queue; the old single counter is gone.
    expect((await db.meta.get(nextSeqKey('high')))?.value).toBe(3);
    expect((await db.meta.get(nextSeqKey('medium')))?.value).toBe(3);
    expect((await db.meta.get(nextSeqKey('critical')))?.value).toBe(1);
    expect(await db.meta.get('nextSeq')).toBeUndefined();

    // New writes continue each lane and the chain.
    await recordSale(testSale());
    await saveProduct({ id: crypto.randomUUID(), name: 'Milk', price: 2199 });
    const after = await pendingOperations(50);
    expect(after.map((op) => [op.lane, op.seq])).toEqual([
      ['high', 1],
      ['high', 2],
      ['high', 3],
      ['medium', 1],
      ['medium', 2],
      ['medium', 3],
    ]);
    expect((after[2]?.data as Sale).chain).toMatchObject({ seq: 3, previousHash: c.chain.hash });
  });

  it('upgrades an empty version 1 database', async () => {
    const old = openVersionOne();
    await old.open();
    old.close();
    await db.open();
    expect(await pendingOperations(50)).toEqual([]);
    expect(await db.conflicts.count()).toBe(0);
    expect((await db.meta.get(nextSeqKey('high')))?.value).toBe(1);
  });
});
