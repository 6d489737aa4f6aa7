import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSession } from '@opentill/domain';
import { newAttempt, sendAttempt } from './accountSignIn';
import { completeSignIn } from './completeSignIn';

vi.mock('./completeSignIn', () => ({ completeSignIn: vi.fn() }));

const SESSION: AccountSession = {
  token: 'access-0',
  tokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
  refreshToken: 'refresh-0',
  refreshNonce: 'nonce-0',
  tenant: { id: '11111111-1111-4111-8111-111111111111', businessName: 'Dlamini Pharmacy' },
  branch: { id: '22222222-2222-4222-8222-222222222222', name: 'Main' },
  user: { id: '33333333-3333-4333-8333-333333333333', name: 'Nomsa Dlamini', role: 'OWNER' },
  device: { id: '44444444-4444-4444-8444-444444444444' },
  mfa: { required: true, enrolled: true },
};

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const fetchMock = vi.fn<typeof fetch>();
const sentBodies = () =>
  fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);

beforeEach(() => {
  fetchMock.mockReset();
  vi.mocked(completeSignIn).mockReset();
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an email sign-in attempt', () => {
  it('sends a new device id and this phone’s public key', async () => {
    const attempt = await newAttempt('/api/v1/auth/email/sign-in', { email: 'a@b.co', password: 'x' });
    expect(attempt.body).toMatchObject({ email: 'a@b.co', deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(attempt.body).toMatchObject({ devicePublicKey: { kty: 'EC', crv: 'P-256' } });
    expect(attempt.deviceKey?.keyPair.privateKey.extractable).toBe(false);
  });

  it('asks for a code when the server wants one, then sends the same attempt with it', async () => {
    const attempt = await newAttempt('/api/v1/auth/email/sign-in', { email: 'a@b.co', password: 'x' });
    fetchMock.mockResolvedValueOnce(
      answer(401, { error: { code: 'OT_ERR_MFA_REQUIRED', message: 'Enter the 6-digit code.' } }),
    );
    expect(await sendAttempt(attempt)).toEqual({ kind: 'code-required', attempt });

    fetchMock.mockResolvedValueOnce(answer(200, SESSION));
    expect(await sendAttempt(attempt, { totpCode: '123456' })).toEqual({ kind: 'signed-in' });
    const [first, second] = sentBodies();
    expect(second).toEqual({ ...first, totpCode: '123456' });
    expect(completeSignIn).toHaveBeenCalledWith(
      SESSION,
      expect.objectContaining({ deviceKey: attempt.deviceKey?.keyPair }),
    );
  });

  it('keeps a session that may only enrol off the phone, until enrolment ends with a refresh', async () => {
    const attempt = await newAttempt('/api/v1/auth/email/register', { email: 'a@b.co', password: 'x' });
    fetchMock.mockResolvedValueOnce(answer(201, { ...SESSION, mfa: { required: true, enrolled: false } }));
    const outcome = await sendAttempt(attempt);
    if (outcome.kind !== 'enrol') throw new Error(`expected enrolment, got ${outcome.kind}`);
    expect(completeSignIn).not.toHaveBeenCalled();
    expect(await outcome.pending.token()).toEqual({ ok: true, token: 'access-0' });

    const refreshed = {
      token: 'access-1',
      tokenExpiresAt: SESSION.tokenExpiresAt,
      refreshToken: 'r-1',
      refreshNonce: 'n-1',
    };
    fetchMock.mockResolvedValueOnce(answer(200, refreshed));
    expect(await outcome.pending.finish()).toEqual({ ok: true, token: 'access-1' });
    // The refresh was signed by this phone's key, over the nonce the session came with.
    const refresh = sentBodies()[1];
    expect(refresh).toMatchObject({ refreshToken: 'refresh-0', signature: expect.stringMatching(/^[\w-]{86}$/) });
    expect(completeSignIn).toHaveBeenCalledWith(
      expect.objectContaining({ token: 'access-1', refreshToken: 'r-1', user: SESSION.user }),
      expect.objectContaining({ deviceKey: attempt.deviceKey?.keyPair }),
    );
  });

  it('reports a refusal with the server’s words', async () => {
    const attempt = await newAttempt('/api/v1/auth/email/sign-in', { email: 'a@b.co', password: 'x' });
    fetchMock.mockResolvedValueOnce(
      answer(401, {
        error: { code: 'OT_ERR_INVALID_CREDENTIALS', message: 'The email address or password is not right.' },
      }),
    );
    expect(await sendAttempt(attempt)).toEqual({
      kind: 'failed',
      failure: {
        kind: 'server',
        code: 'OT_ERR_INVALID_CREDENTIALS',
        message: 'The email address or password is not right.',
        details: [],
      },
    });
  });
});
