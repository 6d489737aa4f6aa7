import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiFailure } from '../api/tokenRequest';
import { en } from '../i18n/en';
import { enStaffArea } from '../i18n/enStaffArea';
import { testSession } from '../testing/fixtures';
import { errorResponse, onlineApiTest } from '../testing/onlineApi';
import { addBranch, listBranches, moveThisTill, renameBranch } from './branchesApi';
import { branchesFailureMessage } from './branchesFailureMessage';

const MAIN = testSession().branch;
const ROSEBANK = { id: '44444444-4444-4444-8444-444444444444', name: 'Rosebank' };
const fetchMock = onlineApiTest();

function sent(call = 0) {
  const [url, init] = fetchMock.mock.calls[call] ?? [];
  return {
    url,
    method: init?.method,
    body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body,
    authorization: new Headers(init?.headers).get('authorization'),
  };
}

describe('the branches API client', () => {
  it('lists the shop’s branches with the device token, oldest first as the server sends them', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ branches: [MAIN, ROSEBANK] }));
    expect(await listBranches()).toEqual({ ok: true, value: [MAIN, ROSEBANK] });
    expect(sent()).toEqual({
      url: '/api/v1/branches',
      method: 'GET',
      body: undefined,
      authorization: 'Bearer test-token',
    });
  });

  it('adds, renames and moves this till with the routes’ bodies, and reads the branch answered', async () => {
    fetchMock.mockResolvedValueOnce(Response.json(ROSEBANK, { status: 201 }));
    expect(await addBranch('Rosebank')).toEqual({ ok: true, value: ROSEBANK });
    const renamed = { ...ROSEBANK, name: 'Rosebank Mall' };
    fetchMock.mockResolvedValueOnce(Response.json(renamed));
    expect(await renameBranch(ROSEBANK.id, 'Rosebank Mall')).toEqual({ ok: true, value: renamed });
    fetchMock.mockResolvedValueOnce(Response.json(renamed));
    expect(await moveThisTill(ROSEBANK.id)).toEqual({ ok: true, value: renamed });

    expect([sent(0), sent(1), sent(2)].map(({ url, method, body }) => ({ url, method, body }))).toEqual([
      { url: '/api/v1/branches', method: 'POST', body: { name: 'Rosebank' } },
      { url: `/api/v1/branches/${ROSEBANK.id}`, method: 'PATCH', body: { name: 'Rosebank Mall' } },
      { url: '/api/v1/devices/current/branch', method: 'PUT', body: { branchId: ROSEBANK.id } },
    ]);
  });

  it('passes on the refusals: a name taken (409), a branch not found (404), not allowed (403)', async () => {
    fetchMock.mockResolvedValueOnce(errorResponse(409, 'OT_ERR_BRANCH_NAME_TAKEN', 'Taken.'));
    expect(await addBranch('rosebank')).toEqual({
      ok: false,
      failure: { kind: 'server', code: 'OT_ERR_BRANCH_NAME_TAKEN', message: 'Taken.', details: [] },
    });
    fetchMock.mockResolvedValueOnce(errorResponse(404, 'OT_ERR_BRANCH_NOT_FOUND', 'No such branch.'));
    expect(await moveThisTill(ROSEBANK.id)).toMatchObject({ ok: false, failure: { code: 'OT_ERR_BRANCH_NOT_FOUND' } });
    fetchMock.mockResolvedValueOnce(errorResponse(403, 'OT_ERR_FORBIDDEN', 'You may not do this.'));
    expect(await renameBranch(ROSEBANK.id, 'Sandton')).toEqual({
      ok: false,
      failure: { kind: 'forbidden', message: 'You may not do this.' },
    });
  });

  it('says offline without trying, unreachable when nothing answers, unexpected for an answer it cannot read', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(await listBranches()).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(await moveThisTill(ROSEBANK.id)).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(fetchMock).not.toHaveBeenCalled();

    vi.stubGlobal('navigator', { onLine: true });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await addBranch('Rosebank')).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    fetchMock.mockResolvedValueOnce(Response.json({ branches: [MAIN, { id: 'main', name: 'Main' }] }));
    expect(await listBranches()).toEqual({ ok: false, failure: { kind: 'unexpected' } });
    fetchMock.mockResolvedValueOnce(Response.json({ devices: [] }));
    expect(await listBranches()).toEqual({ ok: false, failure: { kind: 'unexpected' } });
    fetchMock.mockResolvedValueOnce(Response.json({ id: ROSEBANK.id }));
    expect(await moveThisTill(ROSEBANK.id)).toEqual({ ok: false, failure: { kind: 'unexpected' } });
  });
});

describe('branchesFailureMessage', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ lng: 'en', resources: { en: { translation: { ...en, ...enStaffArea } } } });
  });
  const server = (code: string, message = 'The server’s words.'): ApiFailure => ({
    kind: 'server',
    code,
    message,
    details: [],
  });

  it('words the refusals an owner meets in their terms, and passes other server words on', () => {
    expect(branchesFailureMessage(server('OT_ERR_BRANCH_NAME_TAKEN'), i18n.t)).toBe(
      'The shop already has a branch with that name.',
    );
    expect(branchesFailureMessage(server('OT_ERR_BRANCH_NOT_FOUND'), i18n.t)).toBe(
      'That branch is no longer in the shop.',
    );
    expect(branchesFailureMessage(server('OT_ERR_VALIDATION'), i18n.t)).toBe('Enter a name (up to 120 characters).');
    expect(branchesFailureMessage(server('OT_ERR_SESSION_INVALID', 'Sign in again.'), i18n.t)).toBe('Sign in again.');
    expect(branchesFailureMessage({ kind: 'forbidden', message: 'No.' }, i18n.t)).toBe('You may not do this: No.');
    expect(branchesFailureMessage({ kind: 'offline' }, i18n.t)).toBe(
      'You are offline. Connect to the internet and try again.',
    );
  });
});
