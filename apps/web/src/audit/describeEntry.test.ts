import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditLogEntry } from '@opentill/domain';
import { en } from '../i18n/en';
import { enStaffArea } from '../i18n/enStaffArea';
import { AUDIT_AREAS } from './auditFilter';
import { describeEntry } from './describeEntry';

const THANDI = '44444444-4444-4444-8444-444444444444';
const people = new Map([[THANDI, 'Thandi']]);

function entry(action: string, details: Record<string, unknown> = {}): AuditLogEntry {
  return {
    seq: 1,
    at: '2026-11-30T08:15:42.123Z',
    action,
    actorUserId: null,
    actorName: null,
    actorDeviceId: null,
    actorDeviceName: null,
    ip: null,
    userAgent: null,
    details,
  };
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: { ...en, ...enStaffArea } } },
    interpolation: { escapeValue: false },
  });
});

describe('describeEntry', () => {
  it('words every action of the catalogue, none as a bare key or as unknown', () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      const words = describeEntry(entry(action, { userId: THANDI }), people, i18n.t);
      expect({ action, words }).not.toMatchObject({ words: expect.stringMatching(/audit\.|Recorded “|\{\{/) });
    }
  });

  it('names the person an entry is about, and the roles in the reader’s words', () => {
    const t = i18n.t;
    expect(
      describeEntry(entry('user.role_changed', { userId: THANDI, from: 'CASHIER', to: 'BRANCH_MANAGER' }), people, t),
    ).toBe('Changed Thandi’s role from Cashier to Branch manager');
    expect(describeEntry(entry('user.created', { userId: THANDI, name: 'Thandi', role: 'CASHIER' }), people, t)).toBe(
      'Added Thandi as Cashier',
    );
    expect(describeEntry(entry('user.disabled', { userId: 'someone-gone' }), people, t)).toBe('Disabled a person');
    expect(describeEntry(entry('user.renamed', { from: 'Tandi', to: 'Thandi' }), people, t)).toBe(
      'Renamed Tandi to Thandi',
    );
    expect(describeEntry(entry('shop.registered', { businessName: 'Nomsa’s Spaza' }), people, t)).toBe(
      'Registered the shop “Nomsa’s Spaza”',
    );
    const rounding = { before: { cashRounding: false }, after: { cashRounding: true } };
    expect(describeEntry(entry('shop.settings_changed', rounding), people, t)).toBe(
      'Turned cash rounding on: cash totals round down to 10c',
    );
    expect(describeEntry(entry('device.registered', { deviceName: 'Till 2' }), people, t)).toBe(
      'Added the phone “Till 2” to the shop',
    );
    expect(describeEntry(entry('device.registered', { deviceName: null }), people, t)).toBe(
      'Added a phone to the shop',
    );
  });

  it('words a branch price set, changed and removed with the product, the branch and the prices', () => {
    const t = i18n.t;
    const base = { name: 'Panado 24s', branchName: 'Rosebank', shopPrice: 3999 };
    expect(describeEntry(entry('product.branch_price_set', { ...base, from: null, to: 4250 }), people, t)).toBe(
      'Set the price of Panado 24s at Rosebank to R\u00a042,50 (the shop’s price is R\u00a039,99)',
    );
    expect(describeEntry(entry('product.branch_price_set', { ...base, from: 4250, to: 4500 }), people, t)).toBe(
      'Changed the price of Panado 24s at Rosebank from R\u00a042,50 to R\u00a045,00',
    );
    expect(describeEntry(entry('product.branch_price_removed', { ...base, from: 4500, to: null }), people, t)).toBe(
      'Rosebank sells Panado 24s at the shop’s price again (was R\u00a045,00)',
    );
  });

  it('shows an action this app does not know yet by its name, and a role it does not know as stored', () => {
    expect(describeEntry(entry('till.opened'), people, i18n.t)).toBe('Recorded “till.opened”');
    expect(describeEntry(entry('user.created', { name: 'Ayo', role: 'BARISTA' }), people, i18n.t)).toBe(
      'Added Ayo as BARISTA',
    );
  });

  it('has a label for every area of the filter', () => {
    for (const area of AUDIT_AREAS) expect(i18n.t(`audit.groups.${area}`)).not.toContain('audit.');
  });
});
