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
