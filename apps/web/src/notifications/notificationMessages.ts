/**
 * What a stock alert's system notification carries and what the service worker tells the page when
 * one is tapped (SPEC AL5). Plain constants and pure checks, no DOM or WebWorker types, so both
 * src/sw.ts and the page import them.
 */

/** The notification's `data`: marks it as ours, so the worker's click handler leaves others alone. */
export const STOCK_ALERT_NOTIFICATION_DATA = { opentill: 'stock-alerts' } as const;

/** Posted by the service worker to the window it focused after a stock alert's notification was tapped. */
export const SHOW_STOCK_ALERTS_MESSAGE = { type: 'opentill:show-stock-alerts' } as const;

export function isStockAlertNotificationData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'opentill' in data && data.opentill === 'stock-alerts';
}

export function isShowStockAlertsMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === SHOW_STOCK_ALERTS_MESSAGE.type;
}
