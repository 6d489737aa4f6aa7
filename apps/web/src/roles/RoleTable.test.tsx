import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, ROLE_ACTIONS } from '@opentill/domain';
import { en } from '../i18n/en';
import { enStaffArea } from '../i18n/enStaffArea';
import { RolesScreen } from './RolesScreen';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: { ...en, ...enStaffArea } } },
    interpolation: { escapeValue: false },
  });
});

function render(): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <RolesScreen />
    </I18nextProvider>,
  );
}

const count = (html: string, text: string) => html.split(text).length - 1;

describe('RolesScreen', () => {
  it('shows a column per role with its branch scope, a row per action, and a mark per cell', () => {
    const html = render();
    for (const role of ROLES) expect(html).toContain(`data-testid="role-column-${role}"`);
    expect(count(html, 'data-testid="role-row"')).toBe(ACTIONS.length);
    const allowed = ROLES.reduce((sum, role) => sum + ROLE_ACTIONS[role].length, 0);
    expect(count(html, 'data-allowed="true"')).toBe(allowed);
    expect(count(html, 'data-allowed="false"')).toBe(ACTIONS.length * ROLES.length - allowed);
    expect(count(html, '>Every branch<')).toBe(3);
    expect(count(html, '>Own branches<')).toBe(5);
    expect(html).toContain('Owner, Admin, Auditor see every branch.');
    expect(html).toContain('Refund or return items of a sale');
  });

  it('keeps the action column in view while the roles scroll sideways on a narrow phone', () => {
    const html = render();
    expect(html).toMatch(/data-testid="role-table" class="[^"]*overflow-x-auto/);
    // The header cell and every row's name cell stick to the left edge.
    expect(count(html, 'sticky left-0')).toBe(ACTIONS.length + 1);
  });
});
