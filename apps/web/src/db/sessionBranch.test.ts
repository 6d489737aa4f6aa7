import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { testSale, testSession } from '../testing/fixtures';
import { db } from './database';
import { getCursor, META_KEYS } from './meta';
import { recordSale } from './sales';
import { getSession, saveSession, SESSION_KEY } from './session';
import { setSessionBranch } from './sessionBranch';
import { resetLocalDatabase } from './testing';

const ROSEBANK = { id: '44444444-4444-4444-8444-444444444444', name: 'Rosebank' };

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession(), { tokenClock: { refreshAtMs: 1, expiresAtMs: 2 } });
});

describe('setSessionBranch (BR3)', () => {
  it('changes only the stored session’s branch: tokens, keeping, queue and cursor stay', async () => {
    await recordSale(testSale());
    await db.meta.put({ key: META_KEYS.cursor, value: 'cursor-at-main' });
    const before = await db.session.get(SESSION_KEY);

    await setSessionBranch(ROSEBANK);

    expect(await getSession()).toEqual({ ...testSession(), branch: ROSEBANK });
    expect(await db.session.get(SESSION_KEY)).toEqual({ ...before, branch: ROSEBANK });
    expect(await db.outbox.count()).toBe(1);
    // The server tells a moved till to drop its old stock (stockReset): the cursor goes with its next pull.
    expect(await getCursor()).toBe('cursor-at-main');
  });

  it('stores the branch’s id and name only, and changes nothing once the phone is signed out', async () => {
    await setSessionBranch({ ...ROSEBANK, extra: 'ignored' } as typeof ROSEBANK);
    expect((await getSession())?.branch).toEqual(ROSEBANK);

    await db.session.clear();
    await setSessionBranch(ROSEBANK);
    expect(await db.session.count()).toBe(0);
  });
});
