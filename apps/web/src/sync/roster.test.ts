import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listRoster, saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { testSession } from '../testing/fixtures';
import { testRoster } from '../testing/pinVerifiers';
import { FakeSyncServer } from './fakeSyncServer';
import { ROSTER_MAX_AGE_MS, refreshRosterIfDue } from './roster';
import { runSyncCycle } from './syncCycle';

const session = testSession();
const device = session.device.id;
let server: FakeSyncServer;

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(session);
  server = new FakeSyncServer();
  server.roster = testRoster(session.user.id);
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(server.fetch));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the staff roster on the device', () => {
  it('is fetched with the device token by the first sync after sign-in', async () => {
    expect(await runSyncCycle()).toEqual({ kind: 'done' });
    expect(server.rosterRequests).toEqual(['Bearer test-token']);
    expect((await listRoster()).map((entry) => entry.name)).toContain('Thandi Nkosi');
  });

  it('is fetched again only when due, or when asked (a poke, a change on the Staff screen)', async () => {
    const start = new Date();
    expect(await refreshRosterIfDue(device, { now: start })).toBe('updated');
    expect(await refreshRosterIfDue(device, { now: new Date(start.getTime() + 60_000) })).toBe('fresh');
    expect(await runSyncCycle()).toEqual({ kind: 'done' });
    expect(server.rosterRequests).toHaveLength(1);

    expect(await runSyncCycle({ refreshRoster: true })).toEqual({ kind: 'done' });
    expect(server.rosterRequests).toHaveLength(2);
    const due = new Date(Date.now() + ROSTER_MAX_AGE_MS);
    expect(await refreshRosterIfDue(device, { now: due })).toBe('updated');
  });

  it('keeps the roster it has when the server cannot give one, without failing the sync', async () => {
    await refreshRosterIfDue(device);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (url, init) =>
        String(url).endsWith('/staff/roster') ? new Response('{}', { status: 503 }) : server.fetch(url, init),
      ),
    );
    expect(await runSyncCycle({ refreshRoster: true })).toEqual({ kind: 'done' });
    expect(await listRoster()).toHaveLength(4);

    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await refreshRosterIfDue(device, { force: true })).toBe('failed');
    expect(await listRoster()).toHaveLength(4);
  });

  it('refuses an answer that is not a roster', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () => Response.json({ staff: [{ name: 'no id' }] })),
    );
    expect(await refreshRosterIfDue(device)).toBe('failed');
    expect(await listRoster()).toEqual([]);
  });
});
