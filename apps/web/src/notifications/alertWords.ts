import type { TFunction } from 'i18next';
import type { ExpiryAlert } from '@opentill/domain';
import { formatCalendarDate } from '../i18n/format';

/** The words of an expiry alert (SPEC AL9), shared by the centre's row and the system notification. */

/** What an expiry alert's tag says: "Expired — write off", or how many days are left (AL9). */
export function expiryTag(alert: ExpiryAlert, t: TFunction): string {
  if (alert.kind === 'expired') return t('stockAlerts.expiry.expired');
  return alert.daysLeft === 0
    ? t('stockAlerts.expiry.expiresToday')
    : t('stockAlerts.expiry.expiresIn', { count: alert.daysLeft });
}

/** An expiry alert's lot, units and date, for the centre's row and the notification's body. */
export function expiryFigures(alert: ExpiryAlert, t: TFunction, language: string): string {
  const values = { lot: alert.lot, onHand: alert.onHand, date: formatCalendarDate(alert.expiresOn, language) };
  return alert.kind === 'expired'
    ? t('stockAlerts.expiry.expiredFigures', values)
    : t('stockAlerts.expiry.expiringFigures', values);
}
