import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { testSession } from '../testing/fixtures';
import { authorizedFetch } from './authorizedFetch';
import { FakeRefreshServer } from './fakeRefreshServer';

const refused = (code: string) => Response.json({ error: { code, message: 'No.' } }, { status: 401 });

let server: FakeRefreshServer;
let send: ReturnType<typeof vi.fn<(token: string) => Promise<Response>>>;

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
  server = new FakeRefreshServer(testSession());
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(server.fetch));
  vi.stubGlobal('navigator', { onLine: true });
  send = vi.fn<(token: string) => Promise<Response>>();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('authorizedFetch', () => {
  it('sends with the stored token', async () => {
    send.mockResolvedValueOnce(Response.json({ fine: true }));
    const result = await authorizedFetch(send);
    expect(result.ok && (await result.response.json())).toEqual({ fine: true });
    expect(send.mock.calls).toEqual([['test-token']]);
  });

  it('on 401 OT_ERR_UNAUTHENTICATED refreshes once and sends once more with the new token', async () => {
    send.mockResolvedValueOnce(refused('OT_ERR_UNAUTHENTICATED')).mockResolvedValueOnce(Response.json({ fine: true }));
    const result = await authorizedFetch(send);
    expect(result.ok && result.response.status).toBe(200);
    expect(send.mock.calls).toEqual([['test-token'], ['access-1']]);
    expect(server.presented).toHaveLength(1);
  });

  it('gives a second refusal to the caller instead of looping', async () => {
    send.mockImplementation(async () => refused('OT_ERR_UNAUTHENTICATED'));
    const result = await authorizedFetch(send);
    expect(result.ok && result.response.status).toBe(401);
    expect(send).toHaveBeenCalledTimes(2);
    expect(server.presented).toHaveLength(1);
  });

  it('does not refresh for another 401 (a removed device is not a token problem)', async () => {
    send.mockResolvedValueOnce(refused('OT_ERR_DEVICE_UNKNOWN'));
    const result = await authorizedFetch(send);
    expect(result.ok && result.response.status).toBe(401);
    expect(send).toHaveBeenCalledTimes(1);
    expect(server.presented).toEqual([]);
  });

  it('says the session is over when the refresh after a refusal is refused for good', async () => {
    send.mockResolvedValueOnce(refused('OT_ERR_UNAUTHENTICATED'));
    server.mode = 'ended';
    expect(await authorizedFetch(send)).toEqual({ ok: false, failure: 'ended' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
