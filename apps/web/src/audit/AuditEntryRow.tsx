import { useTranslation } from 'react-i18next';
import type { AuditLogEntry } from '@opentill/domain';
import { formatDateTime } from '../i18n/format';
import { describeEntry, type PeopleNames } from './describeEntry';

interface AuditEntryRowProps {
  entry: AuditLogEntry;
  people: PeopleNames;
  thisDeviceId: string;
  /** Marks an entry the reader has not seen yet (the alerts list). */
  highlight?: boolean;
}

/** One entry: what happened in words, then when, who, on which phone, from which address. */
export function AuditEntryRow({ entry, people, thisDeviceId, highlight = false }: AuditEntryRowProps) {
  const { t, i18n } = useTranslation();
  const device =
    entry.actorDeviceId === null
      ? null
      : entry.actorDeviceId === thisDeviceId
        ? t('audit.thisPhone')
        : t('audit.phone', { name: entry.actorDeviceName ?? entry.actorDeviceId.slice(0, 8) });
  const where = [device, entry.ip ? t('audit.ip', { ip: entry.ip }) : null].filter(Boolean).join(' · ');
  return (
    <li
      data-testid="audit-entry"
      data-action={entry.action}
      data-seq={entry.seq}
      className={`flex flex-col gap-0.5 py-3 ${highlight ? 'bg-amber-50' : ''}`}
    >
      <span className="font-semibold text-slate-900">{describeEntry(entry, people, t)}</span>
      <span className="text-sm text-slate-600">
        <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
        {' · '}
        <span data-testid="audit-entry-who">{entry.actorName ?? t('audit.nobody')}</span>
      </span>
      {where ? <span className="text-sm break-all text-slate-500">{where}</span> : null}
    </li>
  );
}
