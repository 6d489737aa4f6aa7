import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockAlerts, type StockAlert } from '@opentill/domain';
import { changeLanguage, initI18n, loadStockAlertStrings } from '../i18n';
import { StockAlertList } from './NotificationCentre';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-03-10';

beforeAll(async () => {
  await initI18n('en');
  await loadStockAlertStrings();
});

afterAll(async () => {
  await changeLanguage('en');
});

function list(alerts: readonly StockAlert[]): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18next}>
      <StockAlertList alerts={alerts} />
    </I18nextProvider>,
  );
}

/** Each row's kind, figures line and tag, in the order listed. */
function rows(html: string): string[] {
  return [
    ...html.matchAll(/data-kind="([^"]+)".*?stock-alert-figures"[^>]*>([^<]*)<.*?<span[^>]*>([^<]*)<\/span>/g),
  ].map(([, kind, figures, tag]) => `${kind} | ${figures} | ${tag}`);
}

// The domain's alerts as the bell's hook works them out, over a shop's products and batches.
const products = [
  { id: id(1), name: 'Panado 500mg 24s', isActive: true, trackStock: true, reorderLevel: null },
  { id: id(2), name: 'Rooibos 40s', isActive: true, trackStock: true, reorderLevel: 5 },
  { id: id(3), name: 'Sunlight Soap', isActive: true, trackStock: true, reorderLevel: 2 },
];
const stock = new Map([
  [id(1), 30],
  [id(2), 3],
  [id(3), 0],
]);
const batches = [
  { id: id(11), productId: id(1), lot: 'P-OLD', expiresOn: '2026-03-01', onHand: 4 },
  { id: id(12), productId: id(1), lot: 'P-SOON', expiresOn: '2026-03-22', onHand: 6 },
  { id: id(13), productId: id(1), lot: 'P-TODAY', expiresOn: TODAY, onHand: 1 },
  { id: id(14), productId: id(1), lot: 'P-NEXT', expiresOn: '2026-03-11', onHand: 2 },
  { id: id(15), productId: id(1), lot: 'P-LATER', expiresOn: '2026-06-30', onHand: 17 },
];

describe('the notification centre lists the expiry alerts beside low stock (SPEC AL6)', () => {
  it('expired first, then out of stock, then expiring soonest, then low, with lot, units and date', () => {
    const html = list(stockAlerts(products, stock, batches, TODAY));
    expect(rows(html)).toEqual([
      'expired | Lot P-OLD · 4 on the shelf · expired 01 Mar 2026 | Expired — write off',
      'low_stock | 0 in stock · reorder level 2 | Out of stock',
      'expiring | Lot P-TODAY · 1 in stock · expires 10 Mar 2026 | Expires today',
      'expiring | Lot P-NEXT · 2 in stock · expires 11 Mar 2026 | Expires tomorrow',
      'expiring | Lot P-SOON · 6 in stock · expires 22 Mar 2026 | Expires in 12 days',
      'low_stock | 3 in stock · reorder level 5 | Low stock',
    ]);
    // Each batch its own row, opening its product.
    expect(html.match(/data-batch-id="[^"]+"/g)).toEqual([
      `data-batch-id="${id(11)}"`,
      `data-batch-id="${id(13)}"`,
      `data-batch-id="${id(14)}"`,
      `data-batch-id="${id(12)}"`,
    ]);
    expect(html.match(/aria-label="Open Panado 500mg 24s in Products"/g)).toHaveLength(4);
  });

  it('says nothing needs attention, with the window, when there is no alert', () => {
    expect(list([])).toContain(
      'Nothing needs attention: every product is above its reorder level and no batch expires within 30 days.',
    );
  });

  it('in Afrikaans and isiZulu too', async () => {
    const alerts = stockAlerts(products.slice(0, 1), stock, batches.slice(0, 2), TODAY);
    await changeLanguage('af');
    expect(rows(list(alerts)).map((row) => row.split(' | ')[2])).toEqual(['Verval — skryf af', 'Verval oor 12 dae']);
    await changeLanguage('zu');
    expect(rows(list(alerts)).map((row) => row.split(' | ')[2])).toEqual([
      'Kuphelelwe yisikhathi — susa esitokweni',
      'Kuphelelwa yisikhathi ezinsukwini ezingu-12',
    ]);
  });
});
