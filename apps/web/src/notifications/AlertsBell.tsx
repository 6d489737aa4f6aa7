import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../shell/navigationStore';
import { BellIcon } from '../ui/icons';
import { isShowStockAlertsMessage } from './notificationMessages';
import { notificationPermission, useNotifyPreference } from './notifyPreference';
import { useStockAlerts } from './useStockAlerts';

/**
 * The header's bell (SPEC AL4): how many stock alerts there are, opening the notification centre.
 * First-screen code, so it stays small: the centre, its strings and the notifier load when needed.
 * While the phone is set to notify and the browser allows it, every change of the alerts goes to
 * the notifier (AL5), which notifies only the crossings it has not notified yet.
 */
export function AlertsBell() {
  const { t } = useTranslation();
  const alerts = useStockAlerts();
  const showAlerts = useNavigation((state) => state.showAlerts);
  const notify = useNotifyPreference();

  useEffect(() => {
    if (!alerts || !notify || notificationPermission() !== 'granted') return;
    // The notifier comes in the centre's chunk: a chunk of its own, without React's JSX runtime, made
    // the bundler split the shared i18next/JSX chunk of the first screen in two (+0.5 KB gzipped).
    import('./NotificationCentre')
      .then((centre) => centre.notifyStockAlertCrossings(alerts))
      .catch((error: unknown) => console.error('Could not notify the stock alerts', error));
  }, [alerts, notify]);

  // A tapped notification: the service worker focuses this window and asks it to open the centre.
  useEffect(() => {
    const worker = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!worker) return;
    const onMessage = (event: MessageEvent) => {
      if (isShowStockAlertsMessage(event.data)) showAlerts();
    };
    worker.addEventListener('message', onMessage);
    return () => worker.removeEventListener('message', onMessage);
  }, [showAlerts]);

  const count = alerts?.length ?? 0;
  return (
    <button
      type="button"
      onClick={showAlerts}
      aria-label={t('alerts.stock', { count })}
      title={t('alerts.stock', { count })}
      data-testid="alerts-bell"
      data-count={count}
      className="relative -my-1 flex h-11 w-9 shrink-0 items-center justify-center rounded-full active:bg-white/15"
    >
      <BellIcon />
      {count > 0 ? (
        <span
          data-testid="alerts-count"
          className="absolute top-0.5 -right-1 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs leading-5 font-bold text-slate-900"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </button>
  );
}
