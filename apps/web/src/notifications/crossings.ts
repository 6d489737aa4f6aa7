import type { StockAlert } from '@opentill/domain';

/**
 * SPEC AL5, pure: which stock alerts are new since the phone last looked, so a system
 * notification says each crossing once. No DOM, no storage: `db/stockAlerts.ts` keeps the keys.
 */

/**
 * An alert's identity for notifying: low stock by product, expiry by batch (AL9), so a new batch
 * crossing into the window notifies once, and a batch that then expires (a new thing to do: write
 * it off) once more.
 */
export function alertKey(alert: StockAlert): string {
  return alert.kind === 'low_stock' ? `${alert.kind}:${alert.productId}` : `${alert.kind}:${alert.batchId}`;
}

export interface Crossings {
  /** The alerts to notify now: present now, not notified before. */
  notify: StockAlert[];
  /** The keys to keep: exactly today's alerts, so one that recovered may notify again when it next crosses. */
  remember: string[];
}

/**
 * `notified`: the keys kept from the last look, or null when none was ever kept (notifications just
 * turned on, a new sign-in): then nothing is notified and today's alerts are only noted, so turning
 * notifications on, or signing in, does not fire one for every product already low (the centre lists
 * them). A product that goes from low to out of stock keeps its key: not notified twice.
 */
export function stockAlertCrossings(notified: readonly string[] | null, alerts: readonly StockAlert[]): Crossings {
  const remember = alerts.map(alertKey);
  if (notified === null) return { notify: [], remember };
  const known = new Set(notified);
  return { notify: alerts.filter((alert) => !known.has(alertKey(alert))), remember };
}

/** At most this many crossings notify one by one; more at once make one notification naming the count. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

export type NotificationPlan = { each: StockAlert[] } | { summary: StockAlert[] };

/** One notification per crossing, or one for them all when many cross at once (a pull after days offline). */
export function planNotifications(crossings: readonly StockAlert[]): NotificationPlan | null {
  if (crossings.length === 0) return null;
  return crossings.length > MAX_SEPARATE_NOTIFICATIONS ? { summary: [...crossings] } : { each: [...crossings] };
}
