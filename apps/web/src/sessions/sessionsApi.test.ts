import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveSession } from '../db';
import { testSession } from '../testing/fixtures';
import { onlineApiTest } from '../testing/onlineApi';
import { FakeRefreshServer } from '../tokens/fakeRefreshServer';
import { endSession, listSessions, type SessionRecord } from './sessionsApi';

const mine: SessionRecord = {
  id: '5b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  userId: testSession().user.id,
  userName: 'Nomsa Dlamini',
  deviceId: testSession().device.id,
  deviceName: null,
  ip: '102.132.1.7',
  userAgent: 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
  createdAt: '2026-11-20T08:00:00.000Z',
  lastUsedAt: '2026-11-23T12:20:00.000Z',
  expiresAt: '2027-01-22T12:20:00.000Z',
  current: true,
};
const fetchMock = onlineApiTest();

describe('the sessions API client', () => {
  it('lists sessions with the access token', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ sessions: [mine] }));
    expect(await listSessions()).toEqual({ ok: true, value: [mine] });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/sessions');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer test-token');
  });

  it('refuses a list it cannot read rather than show it wrong', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ sessions: [{ ...mine, current: 'yes' }] }));
    expect(await listSessions()).toEqual({ ok: false, failure: { kind: 'unexpected' } });
  });

  it('ends a session with an empty POST and reads the 204; passes a 404 on', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    expect(await endSession(mine.id)).toEqual({ ok: true, value: null });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/sessions/${mine.id}/revoke`);
    expect(init?.method).toBe('POST');

    const code = 'OT_ERR_SESSION_NOT_FOUND';
    fetchMock.mockResolvedValueOnce(Response.json({ error: { code, message: 'Gone.' } }, { status: 404 }));
    expect(await endSession(mine.id)).toEqual({
      ok: false,
      failure: { kind: 'server', code, message: 'Gone.', details: [] },
    });
  });

  it('says the sign-in has ended when this phone’s own session is over, without asking', async () => {
    await saveSession({ ...testSession(), tokenExpiresAt: new Date(Date.now() - 1000).toISOString() });
    const refresh = new FakeRefreshServer(testSession());
    refresh.mode = 'ended';
    fetchMock.mockImplementation(refresh.fetch);

    const result = await listSessions();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'server', code: 'OT_ERR_SESSION_INVALID' } });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/auth/refresh']);
  });
});
