import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { StaffInput, StaffMember } from '@opentill/domain';
import { testSession } from '../testing/fixtures';
import { errorResponse, onlineApiTest } from '../testing/onlineApi';
import { THANDI_ID } from '../testing/pinVerifiers';
import { createStaff, listStaff, updateStaff } from './staffApi';

const BRANCH = testSession().branch.id;
const thandi: StaffMember = {
  id: THANDI_ID,
  name: 'Thandi Nkosi',
  phone: null,
  role: 'CASHIER',
  branchIds: [BRANCH],
  active: true,
};
const input: StaffInput = { name: 'Thandi Nkosi', role: 'CASHIER', branchIds: [BRANCH], pin: '1111' };
const fetchMock = onlineApiTest();

describe('the staff API client', () => {
  it('sends the device token and reads the staff member back', async () => {
    fetchMock.mockResolvedValueOnce(Response.json(thandi, { status: 201 }));
    expect(await createStaff(input)).toEqual({ ok: true, value: thandi });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/staff');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer test-token');
    expect(JSON.parse(String(init?.body))).toEqual(input);

    fetchMock.mockResolvedValueOnce(Response.json({ ...thandi, active: false }));
    expect(await updateStaff(THANDI_ID, { active: false })).toMatchObject({ ok: true, value: { active: false } });
    expect(fetchMock.mock.calls[1]?.[0]).toBe(`/api/v1/staff/${THANDI_ID}`);
    expect(fetchMock.mock.calls[1]?.[1]?.method).toBe('PATCH');

    fetchMock.mockResolvedValueOnce(Response.json({ staff: [thandi] }));
    expect(await listStaff()).toEqual({ ok: true, value: [thandi] });
  });

  it('passes on the server’s words: field details on a 400, the reason on a 403', async () => {
    const details = [{ path: 'pin', message: 'That PIN is too easy to guess.' }];
    fetchMock.mockResolvedValueOnce(errorResponse(400, 'OT_ERR_VALIDATION', 'Some fields are not valid.', details));
    expect(await createStaff(input)).toEqual({
      ok: false,
      failure: { kind: 'server', code: 'OT_ERR_VALIDATION', message: 'Some fields are not valid.', details },
    });

    fetchMock.mockResolvedValueOnce(errorResponse(403, 'OT_ERR_FORBIDDEN', 'You may not do this.'));
    expect(await createStaff(input)).toEqual({
      ok: false,
      failure: { kind: 'forbidden', message: 'You may not do this.' },
    });
  });

  it('says offline without trying, unreachable when nothing answers, unexpected for an answer it cannot read', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(await listStaff()).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(fetchMock).not.toHaveBeenCalled();

    vi.stubGlobal('navigator', { onLine: true });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await listStaff()).toEqual({ ok: false, failure: { kind: 'unreachable' } });

    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await createStaff(input)).toEqual({ ok: false, failure: { kind: 'unexpected' } });
    fetchMock.mockResolvedValueOnce(Response.json({ staff: [{ id: 'not a uuid' }] }));
    expect(await listStaff()).toEqual({ ok: false, failure: { kind: 'unexpected' } });
  });
});
