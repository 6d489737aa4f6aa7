import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionEnd, getStoredTokens, pendingOperations, recordSale, saveRefreshedTokens, saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { testSale, testSession } from '../testing/fixtures';
import { accessTokenAfterRejection, validAccessToken } from './accessToken';
import { FakeRefreshServer } from './fakeRefreshServer';
import { REFRESH_LOCK_NAME, type RefreshLocks } from './refreshLock';

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** A session whose access token ends in `seconds` (negative: already ended). */
function sessionEndingIn(seconds: number) {
  return { ...testSession(), tokenExpiresAt: inSeconds(seconds) };
}

let server: FakeRefreshServer;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(async () => {
  await resetLocalDatabase();
  server = new FakeRefreshServer(testSession());
  fetchMock = vi.fn<typeof fetch>(server.fetch);
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('navigator', { onLine: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('validAccessToken', () => {
  it('gives the stored token without asking the server while it is not due', async () => {
    await saveSession(sessionEndingIn(600));
    expect(await validAccessToken()).toEqual({ ok: true, token: 'test-token' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refreshes a token that ends within a minute, and keeps every token the answer gave', async () => {
    await saveSession(sessionEndingIn(30));

    expect(await validAccessToken()).toEqual({ ok: true, token: 'access-1' });
    expect(server.presented).toEqual([{ refreshToken: testSession().refreshToken }]);
    const stored = await getStoredTokens();
    expect(stored).toMatchObject({ token: 'access-1', refreshNonce: 'nonce-1' });
    expect(stored?.refreshToken).not.toBe(testSession().refreshToken);
    expect(Date.parse(stored?.tokenExpiresAt ?? '')).toBeGreaterThan(Date.now() + 800_000);

    // The new token is good for a while: no second refresh, and the spent refresh token is never sent again.
    expect(await validAccessToken()).toEqual({ ok: true, token: 'access-1' });
    expect(server.presented).toHaveLength(1);
  });

  it('refreshes once for many callers at the same moment (single flight)', async () => {
    await saveSession(sessionEndingIn(-10));
    server.delayMs = 20;

    const tokens = await Promise.all(Array.from({ length: 5 }, () => validAccessToken()));

    expect(tokens).toEqual(Array.from({ length: 5 }, () => ({ ok: true, token: 'access-1' })));
    expect(server.presented).toHaveLength(1);
  });

  it('holds the Web Lock "opentill-refresh" and re-reads inside it: another tab may have refreshed', async () => {
    await saveSession(sessionEndingIn(-10));
    const names: string[] = [];
    // Another tab holds the lock and refreshes; this tab's turn comes after it stored the new tokens.
    const locks: RefreshLocks = {
      async request(name, callback) {
        names.push(name);
        const otherTab = { ...testSession(), token: 'from-other-tab', tokenExpiresAt: inSeconds(900) };
        await saveRefreshedTokens(testSession().refreshToken, otherTab, {
          refreshAtMs: Date.now() + 840_000,
          expiresAtMs: Date.now() + 900_000,
        });
        return callback();
      },
    };
    vi.stubGlobal('navigator', { onLine: true, locks });

    expect(await validAccessToken()).toEqual({ ok: true, token: 'from-other-tab' });
    expect(names).toEqual([REFRESH_LOCK_NAME]);
    expect(server.presented).toEqual([]);
  });

  it('never refreshes offline: a token not yet ended is still given, an ended one waits for the network', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    await saveSession(sessionEndingIn(30));
    expect(await validAccessToken()).toEqual({ ok: true, token: 'test-token' });

    await saveSession(sessionEndingIn(-10));
    expect(await validAccessToken()).toEqual({ ok: false, failure: 'offline' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await getSessionEnd()).toBeNull();
  });

  it('ends the session when the server refuses the refresh for good, and keeps the queue', async () => {
    await saveSession(sessionEndingIn(-10));
    await recordSale(testSale());
    server.mode = 'ended';

    expect(await validAccessToken()).toEqual({ ok: false, failure: 'ended' });
    expect(await getSessionEnd()).toMatchObject({ businessName: "Nomsa's Spaza", unsentSales: 1, unsentOther: 0 });
    expect(await pendingOperations(50)).toHaveLength(1);

    // Over means over: no more refresh attempts until someone signs in again.
    expect(await validAccessToken()).toEqual({ ok: false, failure: 'ended' });
    expect(server.presented).toHaveLength(1);
  });

  it('tries again later when rate-limited or unanswered, presenting the same refresh token', async () => {
    await saveSession(sessionEndingIn(-10));
    server.mode = 'rate-limited';
    expect(await validAccessToken()).toEqual({ ok: false, failure: 'rate-limited' });
    server.mode = 'down';
    expect(await validAccessToken()).toEqual({ ok: false, failure: 'unreachable' });
    server.mode = 'ok';
    expect(await validAccessToken()).toEqual({ ok: true, token: 'access-1' });
    expect(new Set(server.presented.map((p) => p.refreshToken))).toEqual(new Set([testSession().refreshToken]));
    expect(await getSessionEnd()).toBeNull();
  });

  it('keeps using a token that has not ended when the refresh cannot happen now', async () => {
    await saveSession(sessionEndingIn(30));
    server.mode = 'down';
    expect(await validAccessToken()).toEqual({ ok: true, token: 'test-token' });
  });

  it('drops a refresh answer that arrives after the phone signed in again', async () => {
    await saveSession(sessionEndingIn(-10));
    server.delayMs = 20;
    const pending = validAccessToken();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveSession({
      ...testSession(),
      token: 'signed-in-again',
      refreshToken: `${testSession().refreshToken.slice(0, 37)}${'N'.repeat(43)}`,
    });

    expect(await pending).toEqual({ ok: true, token: 'signed-in-again' });
    expect(await getStoredTokens()).toMatchObject({ token: 'signed-in-again' });
  });
});

describe('accessTokenAfterRejection (the server said 401 OT_ERR_UNAUTHENTICATED)', () => {
  it('refreshes even a token this phone thought was good, once', async () => {
    await saveSession(sessionEndingIn(600));
    expect(await accessTokenAfterRejection('test-token')).toEqual({ ok: true, token: 'access-1' });
    // Another caller refused with the same old token gets the new one, without a second refresh.
    expect(await accessTokenAfterRejection('test-token')).toEqual({ ok: true, token: 'access-1' });
    expect(server.presented).toHaveLength(1);
  });

  it('does not fall back to the refused token when the refresh fails', async () => {
    await saveSession(sessionEndingIn(600));
    server.mode = 'down';
    expect(await accessTokenAfterRejection('test-token')).toEqual({ ok: false, failure: 'unreachable' });
  });
});
