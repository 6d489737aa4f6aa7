import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { AUDIT_AREAS, NO_FILTER, isBackwards, isFiltered, type AuditFilter, type PersonOption } from './auditFilter';

const CONTROL =
  'block min-h-12 w-full min-w-0 rounded-xl border border-slate-300 bg-white px-2 text-base text-slate-900 outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100';

interface AuditFilterBarProps {
  filter: AuditFilter;
  people: readonly PersonOption[];
  onChange: (filter: AuditFilter) => void;
}

/** What, who and when: two choices and two days, side by side on a 360 px phone. */
export function AuditFilterBar({ filter, people, onChange }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const set = (change: Partial<AuditFilter>) => onChange({ ...filter, ...change });
  return (
    <div role="group" aria-label={t('audit.filters')} className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-2">
        <Labelled label={t('audit.what')}>
          {(id) => (
            <select
              id={id}
              value={filter.area ?? ''}
              onChange={(event) => set({ area: AUDIT_AREAS.find((area) => area === event.target.value) ?? null })}
              data-testid="audit-filter-area"
              className={CONTROL}
            >
              <option value="">{t('audit.groups.all')}</option>
              {AUDIT_AREAS.map((area) => (
                <option key={area} value={area}>
                  {t(`audit.groups.${area}`)}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label={t('audit.who')}>
          {(id) => (
            <select
              id={id}
              value={filter.userId ?? ''}
              onChange={(event) => set({ userId: event.target.value || null })}
              data-testid="audit-filter-person"
              className={CONTROL}
            >
              <option value="">{t('audit.everyone')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label={t('audit.from')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={filter.fromDay}
              max={filter.toDay || undefined}
              onChange={(event) => set({ fromDay: event.target.value })}
              data-testid="audit-filter-from"
              className={CONTROL}
            />
          )}
        </Labelled>
        <Labelled label={t('audit.to')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={filter.toDay}
              min={filter.fromDay || undefined}
              onChange={(event) => set({ toDay: event.target.value })}
              data-testid="audit-filter-to"
              className={CONTROL}
            />
          )}
        </Labelled>
      </div>
      {isBackwards(filter) ? (
        <p role="alert" data-testid="audit-filter-backwards" className="text-sm text-red-700">
          {t('audit.backwards')}
        </p>
      ) : null}
      {isFiltered(filter) ? (
        <Button variant="ghost" onClick={() => onChange(NO_FILTER)} data-testid="audit-filter-clear">
          {t('audit.clear')}
        </Button>
      ) : null}
    </div>
  );
}

function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
