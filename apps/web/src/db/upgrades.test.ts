import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, linkMatches, saleContent, type Sale } from '@opentill/domain';
import { PRODUCT_ID, testSale, testSession } from '../testing/fixtures';
import { getActingUser } from './actingUser';
import { DATABASE_NAME, db } from './database';
import { getCursor, nextSeqKey } from './meta';
import { pendingOperations, rejectedOperations } from './outbox';
import { findProductsByCode, saveProduct } from './products';
import { recordSale } from './sales';
import { getSessionEnd, getStoredTokens } from './sessionTokens';

/** The app's schema version now: every upgrade below ends there. */
const LATEST_VERSION = 11;

/** Database version 7 exactly as it shipped. */
function openVersionSeven(): Dexie {
  const old = openVersionFour();
  old.version(5).stores({});
  old.version(6).stores({
    sales: '&localId, createdAt, syncState, shiftId',
    shifts: '&localId',
    cashMovements: '&localId, shiftId',
  });
  old.version(7).stores({
    sales: '&localId, createdAt, syncState, shiftId, customerId, chain.seq',
    refunds: '&localId, shiftId, sale.localId, customerId, syncState',
    customers: '&id, phone, name',
    accountPayments: '&localId, customerId, shiftId, syncState',
  });
  return old;
}

/** Database version 4 exactly as it shipped. */
function openVersionFour(): Dexie {
  const old = openVersionThree();
  old.version(4).stores({ staff: '&userId', pinAttempts: '&userId' });
  return old;
}

/** Database version 3 exactly as it shipped. */
function openVersionThree(): Dexie {
  const old = openVersionTwo();
  old.version(3).stores({ stock: '&productId', stockExceptions: '&id, status' });
  return old;
}

/** Database version 2 exactly as it shipped (version 1's tables, with version 2's changes). */
function openVersionTwo(): Dexie {
  const old = openVersionOne();
  old.version(2).stores({ outbox: '&opId, [lane+seq], [status+lane+seq], status', conflicts: '&opId' });
  return old;
}

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

describe('database version 1 → 4', () => {
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
    expect(db.verno).toBe(LATEST_VERSION);

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

describe('database version 2 → 4', () => {
  it('keeps the queue as it was, gives products the stock defaults and restarts the pull', async () => {
    const [pendingSale, rejectedSale] = [testSale(), testSale()];
    const product = { id: PRODUCT_ID, name: 'Bread', price: 1899, barcode: null, category: null, isActive: true };
    const queued = [
      { ...pendingSale, chain: { seq: 1, previousHash: GENESIS_HASH, hash: 'a'.repeat(64) } },
      { ...rejectedSale, chain: { seq: 2, previousHash: 'a'.repeat(64), hash: 'b'.repeat(64) } },
    ];
    const entries = [
      { ...versionOneEntry(1, 'CREATE_SALE', pendingSale.localId, queued[0]), lane: 'high' },
      { ...versionOneEntry(2, 'CREATE_SALE', rejectedSale.localId, queued[1], 'rejected'), lane: 'high' },
      { ...versionOneEntry(1, 'UPSERT_PRODUCT', PRODUCT_ID, product), lane: 'medium' },
    ];
    const conflict = {
      opId: crypto.randomUUID(),
      conflict: { kind: 'STALE_EDIT' },
      receivedAt: '2026-11-23T11:00:00Z',
    };
    const old = openVersionTwo();
    await old.open();
    await old.table('session').put({ ...testSession(), key: 'current', savedAt: '2026-11-23T09:00:00Z' });
    await old.table('products').put({ ...product, syncVersion: 4, lastModified: '2026-11-23T10:00:00Z' });
    await old.table('outbox').bulkAdd(entries);
    await old.table('conflicts').put(conflict);
    await old.table('meta').bulkPut([
      { key: 'cursor', value: 'c1-from-an-app-without-stock' },
      { key: nextSeqKey('high'), value: 3 },
      { key: nextSeqKey('medium'), value: 2 },
    ]);
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const sorted = (rows: { opId: string }[]) => [...rows].sort((a, b) => a.opId.localeCompare(b.opId));
    expect(sorted(await db.outbox.toArray())).toEqual(sorted(entries));
    expect(await db.conflicts.toArray()).toEqual([conflict]);
    expect(await db.products.get(PRODUCT_ID)).toMatchObject({
      syncVersion: 4,
      trackStock: false,
      oversellPolicy: null,
    });
    expect(await getCursor()).toBeNull();
    expect(await db.stock.count()).toBe(0);
    expect(await db.stockExceptions.count()).toBe(0);
    expect((await db.meta.get(nextSeqKey('high')))?.value).toBe(3);
  });
});

describe('database version 3 → 4', () => {
  it('keeps the queue as it was and makes the signed-in user the acting user', async () => {
    const sale = testSale();
    const queued = { ...sale, chain: { seq: 1, previousHash: GENESIS_HASH, hash: 'a'.repeat(64) } };
    const entries = [
      { ...versionOneEntry(1, 'CREATE_SALE', sale.localId, queued), lane: 'high' },
      {
        ...versionOneEntry(1, 'RECEIVE_STOCK', crypto.randomUUID(), { productId: PRODUCT_ID, quantity: 3 }),
        lane: 'critical',
      },
    ];
    const old = openVersionThree();
    await old.open();
    await old.table('session').put({ ...testSession(), key: 'current', savedAt: '2026-11-23T09:00:00Z' });
    await old.table('sales').put({ ...queued, syncState: 'pending' });
    await old.table('outbox').bulkAdd(entries);
    await old.table('meta').bulkPut([
      { key: 'cursor', value: 'c9' },
      { key: nextSeqKey('high'), value: 2 },
      { key: nextSeqKey('critical'), value: 2 },
    ]);
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const sorted = (rows: { opId: string }[]) => [...rows].sort((a, b) => a.opId.localeCompare(b.opId));
    // Operations queued before stay exactly as they were: no actorId (the server takes the token's user).
    expect(sorted(await db.outbox.toArray())).toEqual(sorted(entries));
    // Version 4 keeps the cursor; version 8 then restarts the pull (the pharmacy fields).
    expect(await getCursor()).toBeNull();
    const { user } = testSession();
    expect(await getActingUser()).toEqual({ userId: user.id, name: user.name, role: user.role });
    expect(await db.staff.count()).toBe(0);
    expect(await db.pinAttempts.count()).toBe(0);

    // New writes continue the lane, stamped with the acting user.
    await recordSale(testSale());
    const after = await pendingOperations(50);
    expect(after.map((op) => [op.lane, op.seq, op.actorId])).toEqual([
      ['critical', 1, undefined],
      ['high', 1, undefined],
      ['high', 2, user.id],
    ]);
  });

  it('upgrades a signed-out version 3 database with nobody acting', async () => {
    const old = openVersionThree();
    await old.open();
    old.close();
    await db.open();
    expect(await getActingUser()).toBeNull();
  });
});

describe('database version 4 → 5', () => {
  it('ends a session stored with an old long-lived token, keeping its queue for the next sign-in', async () => {
    const { tokenExpiresAt: _e, refreshToken: _r, refreshNonce: _n, ...legacy } = testSession();
    const sale = testSale();
    const old = openVersionFour();
    await old.open();
    await old.table('session').put({ ...legacy, key: 'current', savedAt: '2026-11-23T09:00:00Z' });
    await old.table('sales').put({ ...sale, syncState: 'pending' });
    const entry = { ...versionOneEntry(1, 'CREATE_SALE', sale.localId, sale), lane: 'high' };
    await old.table('outbox').add(entry);
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await getSessionEnd()).toMatchObject({ businessName: legacy.tenant.businessName, unsentSales: 1 });
    expect(await getStoredTokens()).toMatchObject({ token: legacy.token, refreshToken: '' });
    expect(await db.outbox.toArray()).toEqual([entry]);
  });

  it('leaves a session that already has a refresh token alone', async () => {
    const old = openVersionFour();
    await old.open();
    await old.table('session').put({ ...testSession(), key: 'current', savedAt: '2026-11-23T09:00:00Z' });
    old.close();

    await db.open();
    expect(await getSessionEnd()).toBeNull();
    expect(await getStoredTokens()).toMatchObject({ refreshToken: testSession().refreshToken, endedAt: undefined });
  });
});

describe('database version 7 → 8', () => {
  it('keeps products, the queue, sales and conflicts, indexes extra barcodes and restarts the pull', async () => {
    const sale = testSale();
    const product = {
      id: PRODUCT_ID,
      name: 'Panado 500mg 24s',
      price: 3999,
      barcode: '6001000000001',
      category: 'Pharmacy',
      sku: 'PAN-24',
      genericName: 'paracetamol',
      taxClass: 'standard',
      favourite: true,
      isActive: true,
      trackStock: true,
      oversellPolicy: 'reject',
      syncVersion: 4,
      lastModified: '2026-11-23T10:00:00Z',
    };
    const edit = { id: PRODUCT_ID, name: 'Panado 500mg 24s', price: 4299, baseVersion: 4 };
    const entries = [
      { ...versionOneEntry(1, 'CREATE_SALE', sale.localId, sale), lane: 'high' },
      { ...versionOneEntry(1, 'UPSERT_PRODUCT', PRODUCT_ID, edit), lane: 'medium' },
      { ...versionOneEntry(2, 'UPSERT_PRODUCT', PRODUCT_ID, edit, 'rejected'), lane: 'medium' },
    ];
    const conflict = {
      opId: crypto.randomUUID(),
      conflict: { kind: 'STALE_EDIT' },
      receivedAt: '2026-11-23T11:00:00Z',
    };
    const old = openVersionSeven();
    await old.open();
    await old.table('session').put({ ...testSession(), key: 'current', savedAt: '2026-11-23T09:00:00Z' });
    await old.table('products').put(product);
    await old.table('sales').put({ ...sale, syncState: 'pending' });
    await old.table('outbox').bulkAdd(entries);
    await old.table('conflicts').put(conflict);
    await old.table('stock').put({ productId: PRODUCT_ID, onHand: 12 });
    await old.table('meta').bulkPut([
      { key: 'cursor', value: 'c9-from-an-app-without-pharmacy-fields' },
      { key: nextSeqKey('high'), value: 2 },
      { key: nextSeqKey('medium'), value: 3 },
    ]);
    old.close();

    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.products.toArray()).toEqual([{ ...product, alternateBarcodes: [] }]);
    const sorted = (rows: { opId: string }[]) => [...rows].sort((a, b) => a.opId.localeCompare(b.opId));
    expect(sorted(await db.outbox.toArray())).toEqual(sorted(entries));
    expect(await db.sales.get(sale.localId)).toMatchObject({ syncState: 'pending' });
    expect(await db.conflicts.toArray()).toEqual([conflict]);
    expect(await db.stock.get(PRODUCT_ID)).toEqual({ productId: PRODUCT_ID, onHand: 12 });
    expect(await getCursor()).toBeNull();
    expect((await db.meta.get(nextSeqKey('medium')))?.value).toBe(3);
    expect((await findProductsByCode('6001000000001')).map((found) => found.id)).toEqual([PRODUCT_ID]);

    // The next edit queues behind the kept ones, and its extra barcodes are indexed.
    await saveProduct({ ...edit, barcode: product.barcode, alternateBarcodes: ['6001000000018'] });
    expect((await pendingOperations(50)).map((op) => [op.lane, op.seq])).toEqual([
      ['high', 1],
      ['medium', 1],
      ['medium', 3],
    ]);
    expect((await findProductsByCode(' 6001000000018 ')).map((found) => found.id)).toEqual([PRODUCT_ID]);
  });
});
