import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRY_ALERT_DAYS, type ExpiryAlert, type StockAlert } from '@opentill/domain';
import { useNavigation } from '../shell/navigationStore';
import { FullScreenDialog } from '../ui/FullScreenDialog';
import { expiryFigures, expiryTag } from './alertWords';
import { alertKey } from './crossings';
import { notificationPermission, useNotifyPreference, type NotifyPermission } from './notifyPreference';
import { turnOffNotifications, turnOnNotifications } from './notifySetting';
import { useStockAlerts } from './useStockAlerts';

/**
 * The notification centre (SPEC AL), opened from the header's bell; lazy, with its strings. Lists
 * the stock alerts worst first (AL8: expired, out of stock, expiring, low), live from this phone's
 * data (offline too); tapping one opens the product on the Products tab. "Notify me on this phone"
 * turns on system notifications (AL5).
 */
export function NotificationCentre() {
  const { t } = useTranslation();
  const hide = useNavigation((state) => state.hideAlerts);
  const alerts = useStockAlerts();
  return (
    <FullScreenDialog
      title={t('stockAlerts.title')}
      closeLabel={t('stockAlerts.close')}
      onClose={hide}
      testId="notification-centre"
    >
      <NotifyToggle alerts={alerts} />
      {alerts === undefined ? null : <StockAlertList alerts={alerts} />}
      <p className="px-1 text-sm text-slate-600">{t('stockAlerts.explain')}</p>
      <p className="px-1 text-sm text-slate-600">{t('stockAlerts.explainExpiry', { days: EXPIRY_ALERT_DAYS })}</p>
    </FullScreenDialog>
  );
}

/** The alerts as listed, in the order given (the domain's, AL8); or why there are none. */
export function StockAlertList({ alerts }: { alerts: readonly StockAlert[] }) {
  const { t } = useTranslation();
  if (alerts.length === 0) {
    return (
      <p data-testid="stock-alerts-empty" className="px-1 text-slate-700">
        {t('stockAlerts.empty', { days: EXPIRY_ALERT_DAYS })}
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2" data-testid="stock-alerts">
      {alerts.map((alert) => (
        <li key={alertKey(alert)}>
          <AlertRow alert={alert} />
        </li>
      ))}
    </ul>
  );
}

const SEVERITY_STYLES = {
  out: 'bg-red-100 text-red-900',
  low: 'bg-amber-100 text-amber-950',
  expired: 'bg-red-100 text-red-900',
  expiring: 'bg-orange-100 text-orange-950',
} as const;

/** One alert; a switch on `kind`, so a new kind must say how it looks. */
function AlertRow({ alert }: { alert: StockAlert }) {
  const { t } = useTranslation();
  const showProduct = useNavigation((state) => state.showProduct);
  switch (alert.kind) {
    case 'low_stock':
      return (
        <button
          type="button"
          onClick={() => showProduct(alert.productId)}
          data-testid="stock-alert"
          data-kind={alert.kind}
          data-severity={alert.severity}
          aria-label={t('stockAlerts.open', { name: alert.name })}
          className="flex min-h-14 w-full items-center gap-3 rounded-xl bg-white px-3 py-2 text-left shadow-sm active:bg-slate-50"
        >
          <span className="min-w-0 flex-1">
            <span className="block truncate font-semibold text-slate-900">{alert.name}</span>
            <span data-testid="stock-alert-figures" className="block text-sm text-slate-700">
              {t('stockAlerts.figures', { onHand: alert.onHand, level: alert.reorderLevel })}
            </span>
          </span>
          <span
            className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${SEVERITY_STYLES[alert.severity]}`}
          >
            {t(alert.severity === 'out' ? 'stockAlerts.severity.out' : 'stockAlerts.severity.low')}
          </span>
        </button>
      );
    case 'expiring':
    case 'expired':
      return <ExpiryRow alert={alert} />;
  }
}

/** A batch expiring or expired: opens its product, where the Products tab lists the batches. */
function ExpiryRow({ alert }: { alert: ExpiryAlert }) {
  const { t, i18n } = useTranslation();
  const showProduct = useNavigation((state) => state.showProduct);
  return (
    <button
      type="button"
      onClick={() => showProduct(alert.productId)}
      data-testid="stock-alert"
      data-kind={alert.kind}
      data-batch-id={alert.batchId}
      aria-label={t('stockAlerts.open', { name: alert.name })}
      className="flex min-h-14 w-full items-center gap-3 rounded-xl bg-white px-3 py-2 text-left shadow-sm active:bg-slate-50"
    >
      <span className="min-w-0 flex-1">
        <span className="block truncate font-semibold text-slate-900">{alert.name}</span>
        <span data-testid="stock-alert-figures" className="block text-sm text-slate-700">
          {expiryFigures(alert, t, i18n.language)}
        </span>
      </span>
      <span
        data-testid="stock-alert-tag"
        className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${SEVERITY_STYLES[alert.kind]}`}
      >
        {expiryTag(alert, t)}
      </span>
    </button>
  );
}

type Asking = 'idle' | 'asking' | 'dismissed';

/** "Notify me on this phone": on only when the setting is on and the browser allows it. */
function NotifyToggle({ alerts }: { alerts: StockAlert[] | undefined }) {
  const { t } = useTranslation();
  const wanted = useNotifyPreference();
  const [permission, setPermission] = useState<NotifyPermission>(notificationPermission);
  const [asking, setAsking] = useState<Asking>('idle');
  const on = wanted && permission === 'granted';
  const unavailable = permission === 'unsupported' || permission === 'denied';

  async function toggle() {
    if (on) {
      turnOffNotifications();
      return;
    }
    setAsking('asking');
    try {
      const answer = await turnOnNotifications(alerts ?? []);
      setPermission(answer);
      setAsking(answer === 'default' ? 'dismissed' : 'idle');
    } catch (error) {
      console.error('Could not turn notifications on', error);
      setAsking('idle');
    }
  }

  const note =
    permission === 'unsupported'
      ? t('stockAlerts.notify.unsupported')
      : permission === 'denied'
        ? t('stockAlerts.notify.denied')
        : asking === 'asking'
          ? t('stockAlerts.notify.asking')
          : asking === 'dismissed'
            ? t('stockAlerts.notify.dismissed')
            : t('stockAlerts.notify.hint');
  return (
    <div className="flex flex-col gap-1 rounded-xl bg-white px-3 py-2 shadow-sm">
      <label className="flex min-h-12 items-center gap-3">
        <span className="flex-1 font-semibold text-slate-900">{t('stockAlerts.notify.label')}</span>
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={unavailable || asking === 'asking'}
          onChange={() => void toggle()}
          data-testid="alerts-notify-toggle"
          className="size-6 accent-brand-700"
        />
      </label>
      <p role="status" data-testid="alerts-notify-note" className="text-sm text-slate-600">
        {note}
      </p>
    </div>
  );
}

export default NotificationCentre;
// Loaded with the centre (see AlertsBell).
export { notifyStockAlertCrossings } from './notifier';
