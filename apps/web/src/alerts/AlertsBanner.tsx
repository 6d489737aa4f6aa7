import { useTranslation } from 'react-i18next';
import { useLiveAlertsSeenSeq } from '../db';
import { useNavigation } from '../shell/navigationStore';
import { useOnline } from '../ui/useOnline';
import { unseenCount } from './alertCount';
import { useAlerts } from './useAlerts';

/**
 * Under the header, for those who read alerts: how many new security events and open
 * flagged sales there are, and a way to them. Nothing when there is nothing, or offline.
 */
export function AlertsBanner({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { alerts } = useAlerts(enabled, online);
  const seenSeq = useLiveAlertsSeenSeq();
  const open = useNavigation((state) => state.showStaffSection);
  const count = enabled && alerts && seenSeq !== undefined ? unseenCount(alerts, seenSeq) : 0;
  if (count === 0) return null;
  return (
    <div
      role="status"
      data-testid="alerts-banner"
      className="flex items-center gap-2 bg-amber-100 px-4 py-2 text-sm text-amber-950"
    >
      <span className="flex-1">{t('alerts.banner', { count })}</span>
      <button
        type="button"
        onClick={() => open('alerts')}
        data-testid="alerts-review"
        className="min-h-11 rounded-lg px-3 font-semibold text-amber-950 underline"
      >
        {t('alerts.review')}
      </button>
    </div>
  );
}
