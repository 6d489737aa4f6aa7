import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDeviceRemovedNotice, getSession, pendingOperations, recordSale, saveProduct, saveSession } from '../db';
import { db } from '../db/database';
import { resetLocalDatabase } from '../db/testing';
import { PRODUCT_ID, testProduct, testSale, testSession } from '../testing/fixtures';
import { FakeSyncServer } from './fakeSyncServer';
import { refreshRosterIfDue } from './roster';
import { syncNow } from './syncClient';
import { runSyncCycle } from './syncCycle';
import { useSyncStatus } from './syncStatus';
import { answerOutboxSync } from './workerSync';

let server: FakeSyncServer;

beforeEach(async () => {
  await resetLocalDatabase();
  server = new FakeSyncServer();
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(server.fetch));
  await saveSession(testSession());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What is left of the shop on this phone. */
async function localRecords() {
  return {
    session: await getSession(),
    sales: await db.sales.count(),
    products: await db.products.count(),
    outbox: await db.outbox.count(),
  };
}

const WIPED = { session: null, sales: 0, products: 0, outbox: 0 };

describe('a device the owner removed (sync answers deviceRevoked)', () => {
  it('delivers what it holds, then wipes itself and leaves the notice', async () => {
    server.products = [testProduct()];
    await runSyncCycle();
    await recordSale(testSale());
    await saveProduct({ id: PRODUCT_ID, name: 'Bread (new price)', price: 1999 });
    server.revoke();

    expect(await runSyncCycle()).toEqual({ kind: 'removed' });

    // The sale reached the shop (kept, flagged); the price change was rejected for good.
    expect(server.storedCount('CREATE_SALE')).toBe(1);
    expect(server.flaggedSales.size).toBe(1);
    expect([...server.applied.values()].map((ack) => ack.error?.code ?? ack.status).sort()).toEqual([
      'OT_ERR_DEVICE_REVOKED',
      'created',
    ]);
    expect(await localRecords()).toEqual(WIPED);
    expect(await getDeviceRemovedNotice()).toMatchObject({ businessName: testSession().tenant.businessName });
  });

  it('keeps pushing, batch after batch in the same run, until the queue is empty', async () => {
    for (let sale = 0; sale < 60; sale++) await recordSale(testSale());
    server.revoke();

    expect(await runSyncCycle()).toEqual({ kind: 'removed' });
    expect(server.requests.map((request) => request.pendingOperations.length)).toEqual([50, 10]);
    expect(server.flaggedSales.size).toBe(60);
    expect(await localRecords()).toEqual(WIPED);
  });

  it('sends a sale rung up while the answer was on its way before it wipes', async () => {
    await recordSale(testSale());
    server.revoke();
    const later = testSale();
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (url, init) => {
        if (server.requests.length === 0) await recordSale(later);
        return server.fetch(url, init);
      }),
    );

    expect(await runSyncCycle()).toEqual({ kind: 'removed' });
    expect(server.requests.map((request) => request.pendingOperations.map((op) => op.localId))).toEqual([
      [expect.any(String)],
      [later.localId],
    ]);
    expect(server.flaggedSales.size).toBe(2);
    expect(await localRecords()).toEqual(WIPED);
  });

  it('with nothing queued, the first revoked answer wipes at once', async () => {
    server.products = [testProduct()];
    await runSyncCycle();
    server.revoke();

    expect(await runSyncCycle()).toEqual({ kind: 'removed' });
    expect(server.requests.at(-1)?.pendingOperations).toEqual([]);
    expect(await localRecords()).toEqual(WIPED);
  });

  it('does not wipe while the server refuses a sale for a gap: it is sent again later', async () => {
    await recordSale(testSale());
    server.nextSeq.high = 2; // the server wants seq 2 in this lane: ours is refused
    server.revoke();

    expect(await runSyncCycle()).toMatchObject({ kind: 'retry', problem: { code: 'refused' } });
    expect(await localRecords()).toMatchObject({ sales: 1, outbox: 1 });
    expect(await getSession()).not.toBeNull();
    expect(await getDeviceRemovedNotice()).toBeNull();
  });

  it('does not wipe when the answer is lost on the way; the next run does', async () => {
    await recordSale(testSale());
    server.revoke();
    server.loseAnswers = 1;

    expect(await runSyncCycle()).toEqual({ kind: 'retry', problem: { code: 'network' } });
    expect(await pendingOperations(50)).toHaveLength(1);

    expect(await runSyncCycle()).toEqual({ kind: 'removed' });
    expect(server.storedCount('CREATE_SALE')).toBe(1);
    expect(await localRecords()).toEqual(WIPED);
  });

  it('a 401 OT_ERR_DEVICE_UNKNOWN from the roster wipes nothing: only the sync answer decides', async () => {
    await recordSale(testSale());
    server.revoke();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await refreshRosterIfDue(testSession().device.id)).toBe('failed');
    expect(await localRecords()).toMatchObject({ session: testSession(), sales: 1, outbox: 1 });
    expect(await getDeviceRemovedNotice()).toBeNull();
  });

  it('a sync refused with 401 (a server without revocation answers) blocks and wipes nothing', async () => {
    await recordSale(testSale());
    const error = { code: 'OT_ERR_DEVICE_UNKNOWN', message: 'This device is not registered with the shop.' };
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () => Response.json({ error }, { status: 401 })),
    );

    expect(await runSyncCycle()).toMatchObject({ kind: 'blocked', problem: { code: 'OT_ERR_DEVICE_UNKNOWN' } });
    expect(await localRecords()).toMatchObject({ sales: 1, outbox: 1 });
  });

  it('the service worker, with no window open, wipes the same way and settles the event', async () => {
    await recordSale(testSale());
    server.revoke();

    const answer = await answerOutboxSync({ openWindows: async () => [], syncHere: () => runSyncCycle() });

    expect(answer).toBe('synced-here');
    expect(server.flaggedSales.size).toBe(1);
    expect(await localRecords()).toEqual(WIPED);
    expect(await getDeviceRemovedNotice()).not.toBeNull();
  });

  it('the page clears its sync error, and later runs find no session', async () => {
    await recordSale(testSale());
    server.revoke();
    useSyncStatus.setState({ lastError: { code: 'network' } });

    expect(await syncNow()).toEqual({ kind: 'removed' });
    expect(useSyncStatus.getState()).toMatchObject({ lastError: null, syncing: false });
    expect(await syncNow()).toEqual({ kind: 'skipped', reason: 'no-session' });
  });
});
