import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StockAlert } from '@opentill/domain';
import { resetLocalDatabase } from '../db/testing';
import { initI18n } from '../i18n';
import { notifyStockAlertCrossings } from './notifier';

function alert(productId: string, name: string, severity: 'low' | 'out' = 'low'): StockAlert {
  return { kind: 'low_stock', productId, name, onHand: severity === 'out' ? 0 : 2, reorderLevel: 5, severity };
}

const showNotification = vi.fn(async (_title: string, _options?: NotificationOptions) => undefined);

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(async () => {
  await resetLocalDatabase();
  showNotification.mockClear();
  vi.stubGlobal('Notification', { permission: 'granted' });
  vi.stubGlobal('navigator', {
    serviceWorker: { getRegistration: async () => ({ active: {}, showNotification }) },
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('notifyStockAlertCrossings (SPEC AL5)', () => {
  it('notes the first look, then notifies a new crossing once, through the service worker', async () => {
    await notifyStockAlertCrossings([alert('a', 'Bread')]);
    expect(showNotification).not.toHaveBeenCalled();

    const now = [alert('b', 'Milk', 'out'), alert('a', 'Bread')];
    // Two tabs watching the same alerts: one transaction takes the crossing.
    await Promise.all([notifyStockAlertCrossings(now), notifyStockAlertCrossings(now)]);
    expect(showNotification).toHaveBeenCalledTimes(1);
    expect(showNotification).toHaveBeenCalledWith(
      'Out of stock: Milk',
      expect.objectContaining({
        body: '0 in stock · reorder level 5',
        tag: 'opentill-low_stock:b',
        data: { opentill: 'stock-alerts' },
      }),
    );
    await notifyStockAlertCrossings(now);
    expect(showNotification).toHaveBeenCalledTimes(1);
  });

  it('notifies a batch expiring soon, one expiring today and one expired, by batch (AL9)', async () => {
    await notifyStockAlertCrossings([]);
    const fields = { productId: 'p', name: 'Panado', onHand: 6 };
    await notifyStockAlertCrossings([
      { kind: 'expired', ...fields, batchId: 'b0', lot: 'OLD', expiresOn: '2026-03-01' },
      { kind: 'expiring', ...fields, batchId: 'b1', lot: 'L-42', expiresOn: '2026-03-10', daysLeft: 0 },
      { kind: 'expiring', ...fields, batchId: 'b2', lot: 'L-43', expiresOn: '2026-03-15', daysLeft: 5 },
    ]);
    expect(showNotification.mock.calls.map(([title, options]) => [title, options?.body, options?.tag])).toEqual([
      ['Expired, write off: Panado', 'Lot OLD · 6 on the shelf · expired 01 Mar 2026', 'opentill-expired:b0'],
      ['Expires today: Panado', 'Lot L-42 · 6 in stock · expires 10 Mar 2026', 'opentill-expiring:b1'],
      ['Expires in 5 days: Panado', 'Lot L-43 · 6 in stock · expires 15 Mar 2026', 'opentill-expiring:b2'],
    ]);
  });

  it('a summary of several kinds speaks of stock alerts, naming each product once', async () => {
    await notifyStockAlertCrossings([]);
    const expiring = (batchId: string): StockAlert => ({
      kind: 'expiring',
      productId: 'p',
      name: 'Panado',
      batchId,
      lot: batchId,
      expiresOn: '2026-03-15',
      onHand: 1,
      daysLeft: 5,
    });
    await notifyStockAlertCrossings([alert('a', 'Bread'), expiring('b1'), expiring('b2'), expiring('b3')]);
    expect(showNotification).toHaveBeenCalledTimes(1);
    expect(showNotification).toHaveBeenCalledWith(
      '4 stock alerts need attention',
      expect.objectContaining({ body: 'Bread, Panado', tag: 'opentill-stock-alerts' }),
    );
  });

  it('sums many crossings up in one notification', async () => {
    await notifyStockAlertCrossings([]);
    const many = ['Bread', 'Milk', 'Eggs', 'Sugar', 'Tea', 'Rice', 'Salt'].map((name, index) =>
      alert(String(index), name),
    );
    await notifyStockAlertCrossings(many);
    expect(showNotification).toHaveBeenCalledTimes(1);
    expect(showNotification).toHaveBeenCalledWith(
      '7 products need ordering',
      expect.objectContaining({ body: 'Bread, Milk, Eggs, Sugar, Tea and 2 more' }),
    );
  });
});
