import type { StockAlert } from '@opentill/domain';
import { takeNotifiedStockAlerts } from '../db';
import { alertKey } from './crossings';
import { saveNotifyPreference, type NotifyPermission } from './notifyPreference';

/** Asks the browser, with Safari's old callback form too (its `requestPermission` returned nothing). */
function requestPermission(): Promise<NotificationPermission> {
  return new Promise((resolve, reject) => {
    const answer = Notification.requestPermission(resolve) as Promise<NotificationPermission> | undefined;
    answer?.then(resolve, reject);
  });
}

/**
 * "Notify me on this phone" turned on (SPEC AL5): asks the browser's permission (on this tap, never
 * on load) and, once allowed, notes today's alerts as already seen (the centre shows them; only
 * later crossings notify) and keeps the setting. Refused or dismissed: the setting stays off.
 */
export async function turnOnNotifications(alerts: readonly StockAlert[]): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  const answer = await requestPermission();
  if (answer !== 'granted') {
    saveNotifyPreference(false);
    return answer;
  }
  await takeNotifiedStockAlerts(() => ({ remember: alerts.map(alertKey), result: undefined }));
  saveNotifyPreference(true);
  return answer;
}

/** Turned off: the setting only (the browser's permission is the person's to revoke in its settings). */
export function turnOffNotifications(): void {
  saveNotifyPreference(false);
}
