import i18next from 'i18next';
import type { StockAlert } from '@opentill/domain';
import { takeNotifiedStockAlerts } from '../db';
import { loadStockAlertStrings } from '../i18n';
import { useNavigation } from '../shell/navigationStore';
import { expiryFigures } from './alertWords';
import { alertKey, planNotifications, stockAlertCrossings, type NotificationPlan } from './crossings';
import { STOCK_ALERT_NOTIFICATION_DATA } from './notificationMessages';
import { notificationPermission } from './notifyPreference';

/**
 * SPEC AL5's system notifications, loaded by the bell only while the phone is set to notify.
 * Takes the crossings (new alerts since the last look, kept in IndexedDB in one transaction, so
 * two tabs never both notify one) and shows them through the service worker's registration
 * (Chrome on Android has no `new Notification`), else `new Notification`.
 */
export async function notifyStockAlertCrossings(alerts: readonly StockAlert[]): Promise<void> {
  const crossings = await takeNotifiedStockAlerts((notified) => {
    const { notify, remember } = stockAlertCrossings(notified, alerts);
    return { remember, result: notify };
  });
  const plan = planNotifications(crossings);
  if (!plan || notificationPermission() !== 'granted') return;
  await loadStockAlertStrings();
  for (const { title, options } of notificationsOf(plan)) await show(title, options);
}

interface PlannedNotification {
  title: string;
  options: NotificationOptions;
}

const ICON = '/icons/icon-192.png';
/** Names in a summary notification; the centre lists them all. */
const NAMES_IN_SUMMARY = 5;

function notificationsOf(plan: NotificationPlan): PlannedNotification[] {
  const t = i18next.t.bind(i18next);
  if ('summary' in plan) {
    // A product with two batches crossing is named once.
    const named = [...new Set(plan.summary.map((alert) => alert.name))];
    const names = named.slice(0, NAMES_IN_SUMMARY);
    const more = named.length - names.length;
    const onlyLowStock = plan.summary.every((alert) => alert.kind === 'low_stock');
    return [
      {
        title: onlyLowStock
          ? t('stockAlerts.notification.summary', { count: plan.summary.length })
          : t('stockAlerts.notification.summaryAlerts', { count: plan.summary.length }),
        options: {
          body:
            more > 0 ? t('stockAlerts.notification.summaryMore', { names: names.join(', '), more }) : names.join(', '),
          tag: 'opentill-stock-alerts',
          icon: ICON,
          data: STOCK_ALERT_NOTIFICATION_DATA,
        },
      },
    ];
  }
  return plan.each.map((alert) => {
    const { title, body } = wordsOf(alert);
    return {
      title,
      options: {
        body,
        // One notification per alert (a product's low stock, a batch's expiry): a later one for it replaces it.
        tag: `opentill-${alertKey(alert)}`,
        icon: ICON,
        data: STOCK_ALERT_NOTIFICATION_DATA,
      },
    };
  });
}

/** One alert's title and body, in the language shown. */
function wordsOf(alert: StockAlert): { title: string; body: string } {
  const t = i18next.t.bind(i18next);
  switch (alert.kind) {
    case 'low_stock':
      return {
        title:
          alert.severity === 'out'
            ? t('stockAlerts.notification.out', { name: alert.name })
            : t('stockAlerts.notification.low', { name: alert.name }),
        body: t('stockAlerts.notification.body', { onHand: alert.onHand, level: alert.reorderLevel }),
      };
    case 'expired':
    case 'expiring':
      return {
        title:
          alert.kind === 'expired'
            ? t('stockAlerts.notification.expired', { name: alert.name })
            : alert.daysLeft === 0
              ? t('stockAlerts.notification.expiringToday', { name: alert.name })
              : t('stockAlerts.notification.expiring', { name: alert.name, count: alert.daysLeft }),
        body: expiryFigures(alert, t, i18next.language),
      };
  }
}

async function show(title: string, options: NotificationOptions): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration?.active) {
      await registration.showNotification(title, options);
      return;
    }
  } catch (error) {
    console.warn('The service worker could not show the notification; trying the page', error);
  }
  try {
    const notification = new Notification(title, options);
    notification.onclick = () => {
      window.focus();
      useNavigation.getState().showAlerts();
      notification.close();
    };
  } catch (error) {
    console.error('Could not show a notification', error);
  }
}
