import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { getSession } from '../db';
import { db } from '../db/database';
import { recordSale } from '../db/sales';
import { openShift } from '../db/shifts';
import { testSale, testSession } from '../testing/fixtures';
import { errorResponse, onlineApiTest } from '../testing/onlineApi';
import { moveTillTo } from './moveTill';

const sync = vi.hoisted(() => ({ requestRosterRefresh: vi.fn() }));
vi.mock('../sync', () => sync);

const ROSEBANK = { id: '44444444-4444-4444-8444-444444444444', name: 'Rosebank' };
const fetchMock = onlineApiTest();

describe('moving this till (BR3)', () => {
  it('moves it, stores its new branch and syncs, so the new branch’s stock and roster are pulled', async () => {
    sync.requestRosterRefresh.mockClear();
    fetchMock.mockResolvedValueOnce(Response.json(ROSEBANK));
    expect(await moveTillTo(ROSEBANK.id)).toEqual({ kind: 'moved', branch: ROSEBANK });
    expect((await getSession())?.branch).toEqual(ROSEBANK);
    expect(sync.requestRosterRefresh).toHaveBeenCalledOnce();
  });

  it('refuses while anything waits to be sent, without asking the server: it would count at the new branch', async () => {
    sync.requestRosterRefresh.mockClear();
    await recordSale(testSale());
    expect(await moveTillTo(ROSEBANK.id)).toEqual({ kind: 'unsynced', count: 1 });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await getSession()).toEqual(testSession());
    expect(sync.requestRosterRefresh).not.toHaveBeenCalled();
  });

  it('refuses while a shift is open here, without asking the server: its drawer is this branch’s cash', async () => {
    await openShift(5000);
    await db.outbox.clear();
    expect(await moveTillTo(ROSEBANK.id)).toEqual({ kind: 'shiftOpen' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await getSession()).toEqual(testSession());
  });

  it('keeps the till where it was when the server refuses', async () => {
    fetchMock.mockResolvedValueOnce(errorResponse(404, 'OT_ERR_BRANCH_NOT_FOUND', 'No such branch.'));
    expect(await moveTillTo(ROSEBANK.id)).toMatchObject({
      kind: 'failed',
      failure: { code: 'OT_ERR_BRANCH_NOT_FOUND' },
    });
    expect(await getSession()).toEqual(testSession());
  });
});
