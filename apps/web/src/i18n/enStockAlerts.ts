/**
 * English strings of the notification centre (stock alerts, SPEC AL) and of the system
 * notifications, loaded with the centre and by the notifier (`loadStockAlertStrings`). The
 * header bell's label is on the first screen (`alerts.stock` in `en.ts`).
 */
export const enStockAlerts = {
  stockAlerts: {
    title: 'Stock alerts',
    close: 'Close stock alerts',
    empty:
      'Nothing needs attention: every product is above its reorder level and no batch expires within {{days}} days.',
    explain:
      'A product is listed when the stock this phone shows is at or below its reorder level. Set the level on the product’s form, under Products.',
    severity: {
      out: 'Out of stock',
      low: 'Low stock',
    },
    figures: '{{onHand}} in stock · reorder level {{level}}',
    explainExpiry:
      'A batch is listed when it expires within {{days}} days, and again once it has expired with units still on the shelf: those may not be sold, so take them off the shelf and write them off (reason “expired”).',
    expiry: {
      expired: 'Expired — write off',
      expiresToday: 'Expires today',
      expiresIn_one: 'Expires tomorrow',
      expiresIn_other: 'Expires in {{count}} days',
      expiringFigures: 'Lot {{lot}} · {{onHand}} in stock · expires {{date}}',
      expiredFigures: 'Lot {{lot}} · {{onHand}} on the shelf · expired {{date}}',
    },
    open: 'Open {{name}} in Products',
    notify: {
      label: 'Notify me on this phone',
      hint: 'Get a notification when a product runs low or out of stock, or a batch nears or passes its expiry date, while OpenTill is open on this phone.',
      unsupported: 'This browser cannot show notifications.',
      denied: 'Notifications are blocked for OpenTill. Allow them in the browser’s site settings, then turn this on.',
      dismissed: 'The browser did not allow notifications. Tap again to be asked.',
      asking: 'Asking the browser…',
    },
    notification: {
      low: 'Low stock: {{name}}',
      out: 'Out of stock: {{name}}',
      body: '{{onHand}} in stock · reorder level {{level}}',
      summary_one: '{{count}} product needs ordering',
      summary_other: '{{count}} products need ordering',
      summaryMore: '{{names}} and {{more}} more',
      summaryAlerts_one: '{{count}} stock alert needs attention',
      summaryAlerts_other: '{{count}} stock alerts need attention',
      expired: 'Expired, write off: {{name}}',
      expiringToday: 'Expires today: {{name}}',
      expiring_one: 'Expires tomorrow: {{name}}',
      expiring_other: 'Expires in {{count}} days: {{name}}',
    },
  },
};
