import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSale, getSessionEnd, pendingOperations, recordSale, saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { TEST_REFRESH_TOKEN, testSale, testSession } from '../testing/fixtures';
import { FakeRefreshServer } from '../tokens/fakeRefreshServer';
import { FakeSyncServer } from './fakeSyncServer';
import { runSyncCycle } from './syncCycle';

/** The session as it is after its access token ended: the next sync must refresh first. */
const expired = () => ({ ...testSession(), tokenExpiresAt: new Date(Date.now() - 1000).toISOString() });
/** What signing in again as the same device gives: the same device id, new tokens. */
const signedInAgain = () => ({
  ...testSession(),
  token: 'after-sign-in',
  refreshToken: `${TEST_REFRESH_TOKEN.slice(0, 37)}${'S'.repeat(43)}`,
});

let sync: FakeSyncServer;
let refresh: FakeRefreshServer;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(async () => {
  await resetLocalDatabase();
  sync = new FakeSyncServer();
  refresh = new FakeRefreshServer(testSession());
  fetchMock = vi.fn<typeof fetch>((url, init) =>
    refresh.handles(url) ? refresh.fetch(url, init) : sync.fetch(url, init),
  );
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('navigator', { onLine: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a sync cycle and the access token', () => {
  it('refreshes an ended access token before pushing, and pushes with the new one', async () => {
    await saveSession(expired());
    await recordSale(testSale());

    expect(await runSyncCycle()).toEqual({ kind: 'done' });
    expect(refresh.presented).toHaveLength(1);
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url) === '/api/v1/sync') ?? [];
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer access-1');
    expect(sync.storedCount('CREATE_SALE')).toBe(1);
  });

  it('offline, sells on with an ended token: nothing is refreshed, the sale waits', async () => {
    await saveSession(expired());
    vi.stubGlobal('navigator', { onLine: false });
    const sale = testSale();
    await recordSale(sale);

    expect(await runSyncCycle()).toEqual({ kind: 'skipped', reason: 'offline' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect((await getSale(sale.localId))?.syncState).toBe('pending');
    expect(await getSessionEnd()).toBeNull();
  });
});

describe('a session that is over (the refresh was refused for good)', () => {
  it('keeps every unsent sale, stops syncing, and sends them under the next sign-in as this device', async () => {
    await saveSession(expired());
    const first = testSale();
    await recordSale(first);
    refresh.mode = 'ended';

    expect(await runSyncCycle()).toEqual({ kind: 'skipped', reason: 'signed-out' });
    expect(sync.requests).toEqual([]);
    expect(await getSessionEnd()).toMatchObject({ unsentSales: 1, deviceId: testSession().device.id });

    // The phone keeps selling; syncing stays stopped without asking the server again.
    await recordSale(testSale());
    expect(await runSyncCycle()).toEqual({ kind: 'skipped', reason: 'signed-out' });
    expect(refresh.presented).toHaveLength(1);
    expect(await pendingOperations(50)).toHaveLength(2);
    expect(await getSessionEnd()).toMatchObject({ unsentSales: 2 });

    await saveSession(signedInAgain());
    expect(await getSessionEnd()).toBeNull();
    expect(await runSyncCycle()).toEqual({ kind: 'done' });
    expect(sync.storedCount('CREATE_SALE')).toBe(2);
    expect(await pendingOperations(50)).toEqual([]);
    expect((await getSale(first.localId))?.syncState).toBe('synced');
  });

  it('ends mid-cycle too: a push refused 401 whose refresh is refused for good loses nothing', async () => {
    await saveSession(testSession());
    await recordSale(testSale());
    refresh.mode = 'ended';
    fetchMock.mockImplementationOnce(async () =>
      Response.json({ error: { code: 'OT_ERR_UNAUTHENTICATED', message: 'Expired.' } }, { status: 401 }),
    );

    expect(await runSyncCycle()).toEqual({ kind: 'skipped', reason: 'signed-out' });
    expect(await pendingOperations(50)).toHaveLength(1);
    expect(await getSessionEnd()).toMatchObject({ unsentSales: 1 });
  });
});
