import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_CATALOGUE, ROLES, ROLE_ACTIONS } from '@opentill/domain';
import { en } from '../i18n/en';
import { enStaffArea } from '../i18n/enStaffArea';
import { actionDescriptionKey, actionRows, roleColumns } from './roleMatrix';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: { ...en, ...enStaffArea } } } });
});

describe('the role table', () => {
  it('has the 8 roles as columns, owner first, with owner, admin and auditor seeing every branch', () => {
    expect(roleColumns().map((column) => column.role)).toEqual([...ROLES]);
    expect(
      roleColumns()
        .filter((column) => column.tenantWide)
        .map((column) => column.role),
    ).toEqual(['OWNER', 'ADMIN', 'AUDITOR']);
  });

  it('has every action of the catalogue as a row, marked exactly as ROLE_ACTIONS allows', () => {
    const rows = actionRows();
    expect(rows.map((row) => row.action)).toEqual(ACTIONS);
    for (const row of rows) {
      expect(row.allowed).toEqual(ROLES.map((role) => ROLE_ACTIONS[role].includes(row.action)));
    }
    const marks = rows.flatMap((row) => row.allowed).filter(Boolean).length;
    expect(marks).toBe(ROLES.reduce((sum, role) => sum + ROLE_ACTIONS[role].length, 0));
    // The owner may do everything; a cashier may not refund.
    expect(rows.every((row) => row.allowed[0])).toBe(true);
    expect(rows.find((row) => row.action === 'sales:refund')?.allowed[ROLES.indexOf('CASHIER')]).toBe(false);
  });

  it('describes every action in words', () => {
    expect(actionDescriptionKey('sales:refund')).toBe('roleTable.actions.sales.refund');
    for (const action of Object.keys(ACTION_CATALOGUE) as (keyof typeof ACTION_CATALOGUE)[]) {
      const words = i18n.t(actionDescriptionKey(action));
      expect({ action, words }).not.toMatchObject({ words: expect.stringContaining('roleTable.') });
    }
  });
});
