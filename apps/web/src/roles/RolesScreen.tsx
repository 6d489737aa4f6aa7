import { useTranslation } from 'react-i18next';
import { TENANT_WIDE_ROLES } from '@opentill/domain';
import { RoleTable } from './RoleTable';

/** What each role may do (SPEC ID1), read-only: the owner picks a person's role with it in view. */
export function RolesScreen() {
  const { t } = useTranslation();
  const tenantWide = TENANT_WIDE_ROLES.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <section
      data-testid="roles-section"
      className="flex min-w-0 flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 className="text-lg font-bold text-slate-900">{t('roleTable.title')}</h3>
      <p className="text-sm text-slate-600">{t('roleTable.intro')}</p>
      <p className="text-sm text-slate-600">{t('roleTable.scopes', { roles: tenantWide })}</p>
      <RoleTable />
    </section>
  );
}
