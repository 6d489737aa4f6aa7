import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getSale,
  listProducts,
  pendingOperations,
  recordSale,
  rejectedOperations,
  saveProduct,
  saveSession,
  syncOverview,
  unsyncedCount,
} from '../db';
import { getCursor } from '../db/meta';
import { liveReadsHeld, whenLiveReadsReleased } from '../db/liveHold';
import { resolveOversellByCount } from '../db/stockExceptionDecisions';
import { stockShownHere } from '../db/stock';
import { resetLocalDatabase } from '../db/testing';
import { PRODUCT_ID, testProduct, testSale, testSession } from '../testing/fixtures';
import { FakeRefreshServer } from '../tokens/fakeRefreshServer';
import { FakeSyncServer } from './fakeSyncServer';
import { MAX_CYCLES_PER_CALL, syncNow } from './syncClient';
import { APPLY_EVERY_RECORDS, MAX_ROUNDS } from './syncCycle';
import { useSyncStatus } from './syncStatus';

let server: FakeSyncServer;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(async () => {
  await resetLocalDatabase();
  server = new FakeSyncServer();
  fetchMock = vi.fn<typeof fetch>(server.fetch);
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** `count` products on the server, `pageSize` a page. */
function serveProducts(count: number, pageSize: number): void {
  server.pageSize = pageSize;
  server.products = Array.from({ length: count }, (_, i) =>
    testProduct({ id: crypto.randomUUID(), name: `Product ${i}`, barcode: null }),
  );
}

describe('syncNow', () => {
  it('does nothing without a session', async () => {
    expect(await syncNow()).toEqual({ kind: 'skipped', reason: 'no-session' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('pushes pending operations with the token, then marks them done and pulls products', async () => {
    await saveSession(testSession());
    const sale = testSale();
    await recordSale(sale);
    server.products = [testProduct()];

    expect(await syncNow()).toEqual({ kind: 'done' });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/sync');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer test-token');
    expect(server.requests[0]).toMatchObject({
      protocolVersion: 1,
      deviceId: testSession().device.id,
      lastSyncTimestamp: null,
      cursor: null,
      pendingOperations: [
        { lane: 'high', seq: 1, type: 'CREATE_SALE', localId: sale.localId, data: { ...sale, chain: { seq: 1 } } },
      ],
    });
    expect(await pendingOperations(50)).toEqual([]);
    expect((await listProducts()).map((product) => product.name)).toEqual(['Albany White Bread 700g']);
    expect(await getCursor()).toBe('1:1'); // one product, one stock figure (the sale's)
    expect(useSyncStatus.getState()).toMatchObject({ lastError: null, reachable: true, syncing: false });
  });

  it('retries after a network failure with the same opId and seq', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    fetchMock.mockImplementationOnce(async (url, init) => {
      await server.fetch(url, init); // it arrives, but the answer is lost: see the next test
      server.requests.length = 0;
      server.applied.clear();
      server.nextSeq.high = 1;
      throw new TypeError('Failed to fetch');
    });

    expect(await syncNow()).toEqual({ kind: 'retry', problem: { code: 'network' } });
    const [queued] = await pendingOperations(50);
    expect(queued).toBeDefined();
    expect(useSyncStatus.getState().reachable).toBe(false);

    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.requests[0]?.pendingOperations).toEqual([queued]);
    expect(await pendingOperations(50)).toEqual([]);
  });

  it('stores a sale once when answers are lost and the push is retried', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    server.loseAnswers = 3;

    for (let attempt = 0; attempt < 3; attempt++) expect((await syncNow()).kind).toBe('retry');
    expect(await syncNow()).toEqual({ kind: 'done' });

    const opIds = server.requests.map((request) => request.pendingOperations.map((op) => [op.opId, op.seq]));
    expect(new Set(opIds.map((ids) => JSON.stringify(ids))).size).toBe(1);
    expect(server.storedCount('CREATE_SALE')).toBe(1);
    expect(await pendingOperations(50)).toEqual([]);
  });

  it('sends a long queue in batches of 50, in seq order, gzipped', async () => {
    await saveSession(testSession());
    for (let i = 0; i < 120; i++) await recordSale(testSale());

    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.requests.map((request) => request.pendingOperations.length)).toEqual([50, 50, 20]);
    const seqs = server.requests.flatMap((request) => request.pendingOperations.map((op) => op.seq));
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(server.storedCount('CREATE_SALE')).toBe(120);
    expect(server.encodings).toEqual(['gzip', 'gzip', 'gzip']);
  });

  it('sends lanes in order (high before medium), each lane in its own seq order', async () => {
    await saveSession(testSession());
    await saveProduct({ id: crypto.randomUUID(), name: 'Milk', price: 2199 });
    const first = testSale();
    await recordSale(first);
    await saveProduct({ id: crypto.randomUUID(), name: 'Bread', price: 1899 });
    await recordSale(testSale());

    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.requests[0]?.pendingOperations.map((op) => [op.lane, op.seq, op.type])).toEqual([
      ['high', 1, 'CREATE_SALE'],
      ['high', 2, 'CREATE_SALE'],
      ['medium', 1, 'UPSERT_PRODUCT'],
      ['medium', 2, 'UPSERT_PRODUCT'],
    ]);
    expect(server.storedCount('CREATE_SALE')).toBe(2);
    expect(server.storedCount('UPSERT_PRODUCT')).toBe(2);
  });

  it('caps a push at 256 KiB of JSON without splitting an operation', async () => {
    await saveSession(testSession());
    // Sales of 200 lines with long names: about 37 KiB each, so 7 fit in a push.
    const items = Array.from({ length: 200 }, () => ({
      productId: crypto.randomUUID(),
      name: 'x'.repeat(120),
      quantity: 1,
      price: 100,
    }));
    for (let i = 0; i < 10; i++) {
      await recordSale(testSale({ items, totalAmount: 20_000, tendered: 20_000, change: 0 }));
    }

    expect(await syncNow()).toEqual({ kind: 'done' });
    const sizes = server.requests.map((request) => new TextEncoder().encode(JSON.stringify(request)).length);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(256 * 1024);
    expect(server.requests.flatMap((request) => request.pendingOperations.map((op) => op.seq))).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect(server.storedCount('CREATE_SALE')).toBe(10);
  });

  it('sends plain JSON where the browser has no CompressionStream', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    vi.stubGlobal('CompressionStream', undefined);
    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.encodings).toEqual([null]);
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('content-encoding')).toBeNull();
  });

  it('pulls page after page while hasMore, sending the new cursor each time', async () => {
    await saveSession(testSession());
    serveProducts(5, 2);

    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.requests.map((request) => request.cursor)).toEqual([null, '2:0', '4:0']);
    expect(await listProducts()).toHaveLength(5);
    expect(await getCursor()).toBe('5:0');
  });

  it('holds pages that push nothing and applies them together, every page, in order', async () => {
    await saveSession(testSession());
    serveProducts(5, 2);
    const seen: { products: number; cursor: string | null }[] = [];
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/sync') seen.push({ products: (await listProducts()).length, cursor: await getCursor() });
      return server.fetch(url, init);
    });

    expect(await syncNow()).toEqual({ kind: 'done' });
    // Nothing was applied between the pages: the last answer came before the first commit.
    expect(seen).toEqual([
      { products: 0, cursor: null },
      { products: 0, cursor: null },
      { products: 0, cursor: null },
    ]);
    expect(await listProducts()).toHaveLength(5);
    expect(await getCursor()).toBe('5:0');
  });

  it('applies the held pages before pushing a sale recorded meanwhile, from their cursor', async () => {
    await saveSession(testSession());
    serveProducts(5, 2);
    const sale = testSale();
    fetchMock.mockImplementation(async (url, init) => {
      const response = await server.fetch(url, init);
      if (server.requests.length === 1) await recordSale(sale);
      return response;
    });

    expect(await syncNow()).toEqual({ kind: 'done' });
    const pushing = server.requests.find((request) => request.pendingOperations.length > 0);
    expect(pushing?.cursor).toBe('2:0');
    expect(server.storedCount('CREATE_SALE')).toBe(1);
    expect(await listProducts()).toHaveLength(5);
    expect(await pendingOperations(50)).toEqual([]);
  });

  it('applies the pages it holds when the link goes down mid-pull', async () => {
    await saveSession(testSession());
    serveProducts(5, 2);
    fetchMock.mockImplementation(async (url, init) => {
      if (server.requests.length === 2) throw new TypeError('Failed to fetch');
      return server.fetch(url, init);
    });

    expect(await syncNow()).toEqual({ kind: 'retry', problem: { code: 'network' } });
    expect(await listProducts()).toHaveLength(4);
    expect(await getCursor()).toBe('4:0');
  });

  it('asks for the next pages while it commits the held ones, each page once and in order', async () => {
    await saveSession(testSession());
    // Two pages reach APPLY_EVERY_RECORDS; the third is asked for during their commit.
    serveProducts(APPLY_EVERY_RECORDS + 1000, APPLY_EVERY_RECORDS / 2);
    const end = `${server.products.length}:0`;

    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.requests.map((request) => request.cursor)).toEqual([null, '2500:0', '5000:0', end]);
    expect(await listProducts()).toHaveLength(server.products.length);
    expect(await getCursor()).toBe(end);
  });

  it('holds the big live reads from the first commit of a long pull to the end of the run, counting what came', async () => {
    await saveSession(testSession());
    serveProducts(APPLY_EVERY_RECORDS + 1000, APPLY_EVERY_RECORDS / 2);
    const seen: { held: boolean; pulled: number | null }[] = [];
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/sync') seen.push({ held: liveReadsHeld(), pulled: useSyncStatus.getState().pulledRecords });
      return server.fetch(url, init);
    });
    const released = vi.fn();
    const stopWatching = whenLiveReadsReleased(released);

    expect(await syncNow()).toEqual({ kind: 'done' });
    stopWatching();
    // Not held before two pages wait to be committed; held from their commit on, to the last request.
    expect(seen).toEqual([
      { held: false, pulled: null },
      { held: false, pulled: 2500 },
      { held: true, pulled: 5000 },
      { held: true, pulled: 6000 },
    ]);
    expect(released).toHaveBeenCalledOnce();
    expect(liveReadsHeld()).toBe(false);
    expect(useSyncStatus.getState().pulledRecords).toBeNull();
  });

  it('does not hold the live reads for a pull of a few pages', async () => {
    await saveSession(testSession());
    serveProducts(30, 10);
    const released = vi.fn();
    const stopWatching = whenLiveReadsReleased(released);
    expect(await syncNow()).toEqual({ kind: 'done' });
    stopWatching();
    expect(released).not.toHaveBeenCalled();
    expect(await listProducts()).toHaveLength(30);
  });

  it('asks again the usual way for a page that failed while it committed', async () => {
    await saveSession(testSession());
    serveProducts(APPLY_EVERY_RECORDS + 1000, APPLY_EVERY_RECORDS / 2);
    let calls = 0;
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/sync' && ++calls === 3) throw new TypeError('Failed to fetch');
      return server.fetch(url, init);
    });

    expect(await syncNow()).toEqual({ kind: 'done' });
    // The third call (the page asked for ahead) got no answer; the next round asked for it again.
    expect(calls).toBe(4);
    expect(server.requests.map((request) => request.cursor)).toEqual([null, '2500:0', '5000:0']);
    expect(await listProducts()).toHaveLength(server.products.length);
    expect(await getCursor()).toBe(`${server.products.length}:0`);
  });

  it('goes on past MAX_ROUNDS while the server has more, and stops after MAX_CYCLES_PER_CALL cycles', async () => {
    await saveSession(testSession());
    fetchMock.mockImplementation(async (url, init) => {
      const response = await server.fetch(url, init);
      const body = (await response.json()) as Record<string, unknown>;
      return Response.json({ ...body, hasMore: true });
    });
    expect(await syncNow()).toEqual({ kind: 'done', more: true });
    const syncCalls = fetchMock.mock.calls.filter(([url]) => url === '/api/v1/sync');
    expect(syncCalls).toHaveLength(MAX_ROUNDS * MAX_CYCLES_PER_CALL);
  });

  it('keeps a rejected operation out of later pushes, without blocking the ones behind it', async () => {
    await saveSession(testSession());
    const bad = testSale();
    await recordSale(bad);
    await recordSale(testSale());
    server.rejectLocalIds.add(bad.localId);

    expect(await syncNow()).toEqual({ kind: 'done' });
    expect((await rejectedOperations()).map((op) => op.localId)).toEqual([bad.localId]);
    expect(await pendingOperations(50)).toEqual([]);

    await recordSale(testSale());
    await syncNow();
    expect(server.requests.at(-1)?.pendingOperations.map((op) => op.seq)).toEqual([3]);
    // Its hash chain continues across the rejected sale: seq 3 follows seq 2.
    expect(server.requests.at(-1)?.pendingOperations[0]).toMatchObject({ data: { chain: { seq: 3 } } });
  });

  it('keeps refused operations pending and asks for a retry', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    server.nextSeq.high = 0; // the server expects an operation this device never had

    const outcome = await syncNow();
    expect(outcome.kind).toBe('retry');
    const [queued] = await pendingOperations(50);
    expect(queued?.seq).toBe(1);
  });

  it('keeps the queue and reports the problem on HTTP 426', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    const code = 'OT_ERR_PROTOCOL_UNSUPPORTED';
    fetchMock.mockResolvedValueOnce(Response.json({ error: { code, message: 'No.' } }, { status: 426 }));

    expect(await syncNow()).toEqual({ kind: 'blocked', problem: { code, message: 'No.' } });
    expect(await pendingOperations(50)).toHaveLength(1);
    expect(useSyncStatus.getState().lastError).toEqual({ code, message: 'No.' });
  });

  it('on HTTP 401 refreshes the token once and pushes again; a second 401 keeps the queue and reports it', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    const refresh = new FakeRefreshServer(testSession());
    const code = 'OT_ERR_UNAUTHENTICATED';
    const refused = () => Response.json({ error: { code, message: 'No.' } }, { status: 401 });
    fetchMock.mockImplementation(async (url, init) => (refresh.handles(url) ? refresh.fetch(url, init) : refused()));

    expect(await syncNow()).toEqual({ kind: 'blocked', problem: { code, message: 'No.' } });
    const pushes = fetchMock.mock.calls.filter(([url]) => !refresh.handles(url));
    expect(pushes.map(([, init]) => new Headers(init?.headers).get('authorization'))).toEqual([
      'Bearer test-token',
      'Bearer access-1',
    ]);
    expect(refresh.presented).toHaveLength(1);
    expect(await pendingOperations(50)).toHaveLength(1);
    expect(useSyncStatus.getState().lastError).toEqual({ code, message: 'No.' });
  });

  it('treats an answer that does not match the protocol as a server fault, keeping the queue', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    fetchMock.mockResolvedValueOnce(Response.json({ hello: 'world' }));

    expect(await syncNow()).toEqual({ kind: 'retry', problem: { code: 'server' } });
    expect(await pendingOperations(50)).toHaveLength(1);
  });

  it('runs one sync at a time, and once more for writes made during a run', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    const first = syncNow();
    await saveProduct({ id: crypto.randomUUID(), name: 'Milk', price: 2199 });
    const second = syncNow();
    expect(second).toBe(first);

    expect(await first).toEqual({ kind: 'done' });
    expect(server.maxInFlight).toBe(1);
    expect(await pendingOperations(50)).toEqual([]);
    expect(server.storedCount('UPSERT_PRODUCT')).toBe(1);
  });
});

describe('syncNow: stock', () => {
  /** A tracked loaf with one on the shelf, known to the server and this phone; then a sale of two (testSale). */
  async function sellTwoOfOne(oversellPolicy: 'flag' | 'reject') {
    await saveSession(testSession());
    await saveProduct(
      { id: PRODUCT_ID, name: 'Bread', price: 1899, trackStock: true, oversellPolicy },
      { openingStock: 1 },
    );
    expect(await syncNow()).toEqual({ kind: 'done' });
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(1);
    const sale = testSale(); // 2 × bread
    await recordSale(sale);
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(-1); // at once, before any sync
    expect(await syncNow()).toEqual({ kind: 'done' });
    return sale;
  }

  it('flag: the sale is kept, the exception comes back, and counting the shelf resolves it on the server', async () => {
    await sellTwoOfOne('flag');
    expect(server.onHand(PRODUCT_ID)).toBe(-1);
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(-1);
    const [item] = (await syncOverview()).inbox;
    if (item?.kind !== 'OVERSELL') throw new Error('expected the oversell in the inbox');
    expect(item.exception).toMatchObject({ productId: PRODUCT_ID, shortfall: 1, status: 'open' });

    await resolveOversellByCount(item.exception.id, 0);
    expect((await syncOverview()).inbox).toEqual([]);
    expect(await syncNow()).toEqual({ kind: 'done' });
    expect(server.onHand(PRODUCT_ID)).toBe(0);
    expect(server.exceptions.get(item.exception.id)).toMatchObject({ status: 'resolved', resolution: 'adjusted' });
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(0);
    expect(await pendingOperations(50)).toEqual([]);
  });

  it('reject: the sale is refused, moves no stock, and waits in the inbox; nothing counts as unsynced', async () => {
    const sale = await sellTwoOfOne('reject');
    expect(server.onHand(PRODUCT_ID)).toBe(1);
    expect((await stockShownHere()).get(PRODUCT_ID)).toBe(1);
    expect(await getSale(sale.localId)).toMatchObject({ syncState: 'refused' });
    expect((await syncOverview()).inbox).toMatchObject([
      {
        kind: 'OUT_OF_STOCK',
        conflict: { recordId: sale.localId, shortages: [{ productId: PRODUCT_ID, requested: 2, available: 1 }] },
      },
    ]);
    expect(await unsyncedCount()).toBe(0);
  });
});
