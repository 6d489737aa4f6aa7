import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markAlertsSeen, useLiveAlertsSeenSeq } from '../db';
import { AuditEntryRow } from '../audit/AuditEntryRow';
import { auditFailureMessage } from '../audit/auditFailureMessage';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { newestSeq } from './alertCount';
import { FlaggedSaleRow } from './FlaggedSaleRow';
import { resolveAlert } from './resolveAlert';
import { useAlerts } from './useAlerts';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

interface AlertsSectionProps {
  thisDeviceId: string;
  canResolve: boolean;
}

/**
 * What needs the owner's eye (SPEC AU7): sales the shop kept but flagged, and security
 * events (phones joining, lockouts, a sign-in used twice). Online only: they live on the server.
 */
export function AlertsSection({ thisDeviceId, canResolve }: AlertsSectionProps) {
  const { t } = useTranslation();
  const online = useOnline();
  const { alerts, failure, reload } = useAlerts(true, online);
  const seenSeq = useLiveAlertsSeenSeq() ?? 0;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function checked(id: string) {
    setBusy(id);
    const result = await resolveAlert(id);
    setBusy(null);
    setError(result.ok ? null : auditFailureMessage(result.failure, t));
    reload();
  }

  const loadError = failure && failure.kind !== 'offline' ? failure : null;
  return (
    <section
      data-testid="alerts-section"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 className="text-lg font-bold text-slate-900">{t('alerts.title')}</h3>
      {!online ? (
        <p role="status" className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('alerts.offline')}
        </p>
      ) : null}
      {loadError || error ? (
        <p role="alert" data-testid="alerts-error" className="text-sm text-red-700">
          {error ?? (loadError ? auditFailureMessage(loadError, t) : null)}
        </p>
      ) : null}
      {alerts === null ? null : (
        <>
          <h4 className="text-base font-semibold text-slate-800">{t('alerts.flaggedTitle')}</h4>
          {alerts.flaggedSales.length === 0 ? (
            <p className="text-sm text-slate-500">{t('alerts.noFlagged')}</p>
          ) : (
            <ul data-testid="flagged-sales" className="divide-y divide-slate-100">
              {alerts.flaggedSales.map((alert) => (
                <FlaggedSaleRow
                  key={alert.id}
                  alert={alert}
                  thisDeviceId={thisDeviceId}
                  busy={busy === alert.id}
                  onChecked={canResolve ? () => void checked(alert.id) : undefined}
                />
              ))}
            </ul>
          )}
          <h4 className="text-base font-semibold text-slate-800">{t('alerts.securityTitle')}</h4>
          {alerts.security.length === 0 ? (
            <p className="text-sm text-slate-500">{t('alerts.noSecurity')}</p>
          ) : (
            <ul data-testid="security-alerts" className="divide-y divide-slate-100">
              {alerts.security.map((entry) => (
                <AuditEntryRow
                  key={entry.seq}
                  entry={entry}
                  people={NO_NAMES}
                  thisDeviceId={thisDeviceId}
                  highlight={entry.seq > seenSeq}
                />
              ))}
            </ul>
          )}
          {alerts.security.some((entry) => entry.seq > seenSeq) ? (
            <Button
              variant="secondary"
              onClick={() => void markAlertsSeen(newestSeq(alerts, seenSeq))}
              data-testid="alerts-mark-seen"
            >
              {t('alerts.markSeen')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
