import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditQuerySchema, type AuditLogEntry, type StaffMember } from '@opentill/domain';
import {
  AUDIT_AREAS,
  NO_FILTER,
  actorsOf,
  auditSearchParams,
  isBackwards,
  isFiltered,
  personOptions,
  type AuditFilter,
} from './auditFilter';

const NOMSA = '33333333-3333-4333-8333-333333333333';
const THANDI = '44444444-4444-4444-8444-444444444444';
const SIPHO = '55555555-5555-4555-8555-555555555555';

function entry(seq: number, actorUserId: string | null, actorName: string | null): AuditLogEntry {
  return {
    seq,
    at: '2026-11-30T08:15:42.123Z',
    action: 'auth.sign_in',
    actorUserId,
    actorName,
    actorDeviceId: null,
    actorDeviceName: null,
    ip: null,
    userAgent: null,
    details: {},
  };
}

function member(id: string, name: string): StaffMember {
  return { id, name, phone: null, role: 'CASHIER', branchIds: [], active: true };
}

describe('the audit areas', () => {
  it('are the catalogue’s action prefixes, each once, in its order', () => {
    expect(AUDIT_AREAS.filter((area) => ['shop', 'auth', 'device', 'user', 'token'].includes(area))).toEqual([
      'shop',
      'auth',
      'device',
      'user',
      'token',
    ]);
    expect(new Set(AUDIT_AREAS).size).toBe(AUDIT_AREAS.length);
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      expect(AUDIT_AREAS.some((area) => action.startsWith(`${area}.`))).toBe(true);
    }
  });
});

describe('auditSearchParams', () => {
  it('asks for the newest page of everything when nothing is picked', () => {
    expect(auditSearchParams(NO_FILTER).toString()).toBe('limit=50');
  });

  it('turns an area, a person and local days into a query the server accepts', () => {
    const filter: AuditFilter = { area: 'user', userId: THANDI, fromDay: '2026-11-02', toDay: '2026-11-30' };
    const params = auditSearchParams(filter, 120, 20);
    expect(params.get('action')).toBe('user.');
    expect(params.get('userId')).toBe(THANDI);
    expect([params.get('before'), params.get('limit')]).toEqual(['120', '20']);
    const query = auditQuerySchema.parse(Object.fromEntries(params));
    // The days are this phone's: from the first millisecond of the first to the last of the second.
    expect(query.from).toEqual(new Date(2026, 10, 2, 0, 0, 0, 0));
    expect(query.to).toEqual(new Date(2026, 10, 30, 23, 59, 59, 999));
    expect(query).toMatchObject({ action: 'user.', userId: THANDI, before: 120, limit: 20 });
  });

  it('one day from and to covers that whole day', () => {
    const params = auditSearchParams({ ...NO_FILTER, fromDay: '2026-03-01', toDay: '2026-03-01' });
    const query = auditQuerySchema.parse(Object.fromEntries(params));
    expect((query.to?.getTime() ?? 0) - (query.from?.getTime() ?? 0)).toBe(24 * 3_600_000 - 1);
  });
});

describe('the filter’s state', () => {
  it('knows when anything is picked and when the range runs backwards', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, toDay: '2026-11-30' })).toBe(true);
    expect(isBackwards({ ...NO_FILTER, fromDay: '2026-11-30', toDay: '2026-11-29' })).toBe(true);
    expect(isBackwards({ ...NO_FILTER, fromDay: '2026-11-30', toDay: '2026-11-30' })).toBe(false);
    expect(isBackwards({ ...NO_FILTER, fromDay: '2026-11-30' })).toBe(false);
  });
});

describe('the people to pick from', () => {
  it('are the staff and everyone seen acting, each once, by name; the staff list’s name wins', () => {
    const actors = actorsOf([entry(3, SIPHO, 'Sipho'), entry(2, NOMSA, 'Nomsa (old name)'), entry(1, null, null)]);
    expect(actors).toEqual([
      { id: SIPHO, name: 'Sipho' },
      { id: NOMSA, name: 'Nomsa (old name)' },
    ]);
    expect(personOptions([member(NOMSA, 'Nomsa'), member(THANDI, 'Thandi')], actors)).toEqual([
      { id: NOMSA, name: 'Nomsa' },
      { id: SIPHO, name: 'Sipho' },
      { id: THANDI, name: 'Thandi' },
    ]);
    // Without the staff list (an auditor may not read it), the log's own names.
    expect(personOptions(null, actors).map((person) => person.name)).toEqual(['Nomsa (old name)', 'Sipho']);
  });
});
