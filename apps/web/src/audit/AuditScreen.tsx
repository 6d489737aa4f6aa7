import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffList } from '../staff/useStaffList';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { AuditEntryRow } from './AuditEntryRow';
import { AuditFilterBar } from './AuditFilterBar';
import { NO_FILTER, personOptions, type AuditFilter } from './auditFilter';
import { auditFailureMessage } from './auditFailureMessage';
import { useAuditLog } from './useAuditLog';

interface AuditScreenProps {
  thisDeviceId: string;
  /** Whether this person may list staff (`user:manage`); an auditor picks from the names in the log. */
  canListStaff: boolean;
}

/**
 * The shop's audit log for whoever may read it (`audit:read`): who did what, when, on
 * which phone, filtered and paged from the newest. Online only: the log lives on the server.
 */
export function AuditScreen({ thisDeviceId, canListStaff }: AuditScreenProps) {
  const { t } = useTranslation();
  const online = useOnline();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const { entries, hasOlder, loadingOlder, failure, actors, loadOlder } = useAuditLog(filter, online);
  const { staff } = useStaffList(online && canListStaff);
  const people = useMemo(() => personOptions(staff, actors), [staff, actors]);
  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);

  const loadError = failure && failure.kind !== 'offline' ? failure : null;
  return (
    <section
      data-testid="audit-section"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 className="text-lg font-bold text-slate-900">{t('audit.title')}</h3>
      <p className="text-sm text-slate-600">{t('audit.intro')}</p>
      {!online ? (
        <p
          role="status"
          data-testid="audit-offline"
          className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('audit.offline')}
        </p>
      ) : null}
      <AuditFilterBar filter={filter} people={people} onChange={setFilter} />
      {loadError ? (
        <p role="alert" data-testid="audit-error" className="text-sm text-red-700">
          {auditFailureMessage(loadError, t)}
        </p>
      ) : null}
      {entries === null ? (
        online && !loadError ? (
          <p className="text-sm text-slate-500">{t('audit.loading')}</p>
        ) : null
      ) : entries.length === 0 ? (
        <p data-testid="audit-empty" className="text-sm text-slate-500">
          {t('audit.empty')}
        </p>
      ) : (
        <ul data-testid="audit-list" className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <AuditEntryRow key={entry.seq} entry={entry} people={names} thisDeviceId={thisDeviceId} />
          ))}
        </ul>
      )}
      {hasOlder ? (
        <Button
          variant="secondary"
          disabled={!online || loadingOlder}
          onClick={() => void loadOlder()}
          data-testid="audit-load-older"
        >
          {loadingOlder ? t('audit.loadingOlder') : t('audit.loadOlder')}
        </Button>
      ) : entries?.length ? (
        <p className="text-sm text-slate-500">{t('audit.noOlder')}</p>
      ) : null}
    </section>
  );
}
