import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogEntry } from '@opentill/domain';
import type { ApiFailure } from '../api/tokenRequest';
import { en } from '../i18n/en';
import { enStaffArea } from '../i18n/enStaffArea';
import { testSession } from '../testing/fixtures';
import { onlineApiTest } from '../testing/onlineApi';
import { fetchAuditPage } from './auditApi';
import { auditFailureMessage } from './auditFailureMessage';

const signIn: AuditLogEntry = {
  seq: 4,
  at: '2026-11-30T08:15:42.123Z',
  action: 'auth.sign_in',
  actorUserId: testSession().user.id,
  actorName: 'Nomsa Dlamini',
  actorDeviceId: testSession().device.id,
  actorDeviceName: null,
  ip: '198.51.100.7',
  userAgent: 'Mozilla/5.0',
  details: { branchId: testSession().branch.id },
};
const fetchMock = onlineApiTest();

describe('the audit log API client', () => {
  it('asks with the device token and the filter, and reads the page', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ entries: [signIn], nextBefore: 4 }));
    const params = new URLSearchParams({ action: 'auth.', limit: '50' });
    expect(await fetchAuditPage(params)).toEqual({ ok: true, value: { entries: [signIn], nextBefore: 4 } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/audit?action=auth.&limit=50');
    expect(init?.method).toBe('GET');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer test-token');
  });

  it('refuses a page it cannot read rather than showing it wrong', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ entries: [{ ...signIn, at: 'this morning' }], nextBefore: null }));
    expect(await fetchAuditPage(new URLSearchParams())).toEqual({ ok: false, failure: { kind: 'unexpected' } });
    fetchMock.mockResolvedValueOnce(Response.json({ devices: [] }));
    expect(await fetchAuditPage(new URLSearchParams())).toEqual({ ok: false, failure: { kind: 'unexpected' } });
  });

  it('says offline without asking, and passes the server’s refusal on', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(await fetchAuditPage(new URLSearchParams())).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(fetchMock).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { onLine: true });
    fetchMock.mockResolvedValueOnce(
      Response.json({ error: { code: 'OT_ERR_DEVICE_UNKNOWN', message: 'Sign in again.' } }, { status: 401 }),
    );
    expect(await fetchAuditPage(new URLSearchParams())).toEqual({
      ok: false,
      failure: { kind: 'server', code: 'OT_ERR_DEVICE_UNKNOWN', message: 'Sign in again.', details: [] },
    });
  });
});

describe('auditFailureMessage', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ lng: 'en', resources: { en: { translation: { ...en, ...enStaffArea } } } });
  });

  it('words a refusal as the role’s, and passes other server words on', () => {
    const refused: ApiFailure = { kind: 'server', code: 'OT_ERR_UNAUTHENTICATED', message: 'x', details: [] };
    expect(auditFailureMessage(refused, i18n.t)).toBe(
      'This sign-in may not read the audit log: only the owner, an admin or an auditor may.',
    );
    expect(auditFailureMessage({ kind: 'forbidden', message: 'No.' }, i18n.t)).toBe(
      auditFailureMessage(refused, i18n.t),
    );
    const removed: ApiFailure = {
      kind: 'server',
      code: 'OT_ERR_DEVICE_UNKNOWN',
      message: 'Not registered.',
      details: [],
    };
    expect(auditFailureMessage(removed, i18n.t)).toBe('Not registered.');
    expect(auditFailureMessage({ kind: 'offline' }, i18n.t)).toBe(
      'You are offline. Connect to the internet and try again.',
    );
    expect(auditFailureMessage({ kind: 'unreachable' }, i18n.t)).toContain('Could not reach the server');
  });
});
