import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testSession } from '../testing/fixtures';
import { SIPHO_ID, THANDI_ID, testRoster } from '../testing/pinVerifiers';
import { getActingUser } from './actingUser';
import { db } from './database';
import { finishPinAttempt, pinLockouts, startPinAttempt } from './pinAttempts';
import { saveSession } from './session';
import { getRosterFetchedAt, listRoster, replaceRoster } from './staff';
import { resetLocalDatabase } from './testing';

const session = testSession();
const fetchedAt = new Date('2026-11-23T14:00:00.000Z');

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(session);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('replaceRoster', () => {
  it('replaces the whole roster and notes when it was fetched', async () => {
    expect(await replaceRoster(session.device.id, testRoster(session.user.id), fetchedAt)).toBe(true);
    expect((await listRoster()).map((entry) => entry.name)).toEqual([
      'Lerato Molefe',
      'Nomsa Dlamini',
      'Sipho Mokoena',
      'Thandi Nkosi',
    ]);
    // Sipho left the branch and Thandi's PIN changed: the next roster says so, whole.
    const [owner, thandi] = testRoster(session.user.id);
    if (!owner || !thandi) throw new Error('expected the test roster');
    const later = new Date(fetchedAt.getTime() + 60_000);
    await replaceRoster(session.device.id, [owner, { ...thandi, pinVerifier: null }], later);
    expect((await listRoster()).map((entry) => [entry.name, entry.pinVerifier === null])).toEqual([
      ['Nomsa Dlamini', false],
      ['Thandi Nkosi', true],
    ]);
    expect(await getRosterFetchedAt()).toBe(later.toISOString());
  });

  it('keeps the old roster whole when the new one cannot be stored', async () => {
    await replaceRoster(session.device.id, testRoster(session.user.id), fetchedAt);
    vi.spyOn(db.staff, 'bulkPut').mockRejectedValueOnce(new DOMException('No room', 'QuotaExceededError'));
    await expect(replaceRoster(session.device.id, [], new Date())).rejects.toThrow();
    expect(await listRoster()).toHaveLength(4);
    expect(await getRosterFetchedAt()).toBe(fetchedAt.toISOString());
  });

  it('drops a roster fetched for a device session that has since ended', async () => {
    expect(await replaceRoster(crypto.randomUUID(), testRoster(session.user.id), fetchedAt)).toBe(false);
    expect(await listRoster()).toEqual([]);
    expect(await getRosterFetchedAt()).toBeNull();
  });

  it('lets the acting user keep acting, with the name and role the roster gives', async () => {
    const roster = testRoster(session.user.id);
    await replaceRoster(session.device.id, roster, fetchedAt);
    await finishPinAttempt(THANDI_ID, true);
    const renamed = roster.map((entry) =>
      entry.userId === THANDI_ID ? { ...entry, name: 'Thandi Zulu', role: 'BRANCH_MANAGER' as const } : entry,
    );
    await replaceRoster(session.device.id, renamed, fetchedAt);
    expect(await getActingUser()).toEqual({ userId: THANDI_ID, name: 'Thandi Zulu', role: 'BRANCH_MANAGER' });
  });
});

describe('saveSession and the shared-device state', () => {
  it('makes the signed-in user the acting user, and a new device session starts with no roster or lockouts', async () => {
    expect(await getActingUser()).toEqual({ userId: session.user.id, name: 'Nomsa Dlamini', role: 'OWNER' });
    await replaceRoster(session.device.id, testRoster(session.user.id), fetchedAt);
    await finishPinAttempt(SIPHO_ID, true);
    for (let attempt = 0; attempt < 5; attempt++) await startPinAttempt(THANDI_ID, fetchedAt);

    // A new token for the same device keeps who is acting.
    await saveSession({ ...session, token: 'refreshed' });
    expect((await getActingUser())?.userId).toBe(SIPHO_ID);

    await saveSession(testSession(crypto.randomUUID()));
    expect((await getActingUser())?.userId).toBe(session.user.id);
    expect(await listRoster()).toEqual([]);
    expect(await pinLockouts(fetchedAt)).toEqual(new Map());
    expect(await getRosterFetchedAt()).toBeNull();
  });
});
