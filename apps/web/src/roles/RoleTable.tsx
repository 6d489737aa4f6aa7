import { useTranslation } from 'react-i18next';
import { actionDescriptionKey, actionRows, roleColumns } from './roleMatrix';

/**
 * Roles across, actions down. On a 360 px phone the table scrolls sideways inside its
 * box while the action column stays put, so every mark keeps its row's name in view. Each
 * cell is `relative` so its screen-reader label (absolutely placed) stays inside the scroll
 * box instead of widening the page.
 */
export function RoleTable() {
  const { t } = useTranslation();
  const columns = roleColumns();
  return (
    <div data-testid="role-table" className="-mx-4 overflow-x-auto overscroll-x-contain">
      <table className="min-w-max border-separate border-spacing-0 text-sm">
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-10 w-40 min-w-40 border-b border-slate-200 bg-white px-4 py-2 text-left align-bottom font-semibold text-slate-700"
            >
              {t('roleTable.action')}
            </th>
            {columns.map((column) => (
              <th
                key={column.role}
                scope="col"
                data-testid={`role-column-${column.role}`}
                className="w-24 min-w-24 border-b border-slate-200 px-2 py-2 text-center align-bottom"
              >
                <span className="block font-semibold text-slate-900">{t(`roles.${column.role}`)}</span>
                <span
                  className={`block text-xs font-normal ${column.tenantWide ? 'text-brand-800' : 'text-slate-500'}`}
                >
                  {column.tenantWide ? t('roleTable.tenantWide') : t('roleTable.branchScoped')}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actionRows().map((row) => (
            <tr key={row.action} data-testid="role-row" data-action={row.action}>
              <th
                scope="row"
                className="sticky left-0 z-10 w-40 min-w-40 border-b border-slate-100 bg-white px-4 py-2 text-left align-top font-normal text-slate-900"
              >
                {t(actionDescriptionKey(row.action))}
                <span className="block font-mono text-xs text-slate-400">{row.action}</span>
              </th>
              {row.allowed.map((allowed, index) => (
                <td
                  key={columns[index]?.role}
                  data-allowed={allowed}
                  className={`relative border-b border-slate-100 px-2 py-2 text-center align-middle text-base ${
                    allowed ? 'font-bold text-brand-700' : 'text-slate-300'
                  }`}
                >
                  <span aria-hidden="true">{allowed ? '✓' : '–'}</span>
                  <span className="sr-only">{allowed ? t('roleTable.allowed') : t('roleTable.denied')}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
