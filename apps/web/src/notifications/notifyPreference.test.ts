import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StockAlert } from '@opentill/domain';
import { takeNotifiedStockAlerts } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { notificationPermission, readNotifyPreference, saveNotifyPreference } from './notifyPreference';
import { turnOffNotifications, turnOnNotifications } from './notifySetting';

/** localStorage as the browser has it (Node has none without a flag). */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** The Notification API with the person's answer to the prompt. */
function fakeNotification(answer: NotificationPermission) {
  const requestPermission = vi.fn(async () => {
    fake.permission = answer;
    return answer;
  });
  const fake = { permission: 'default' as NotificationPermission, requestPermission };
  vi.stubGlobal('Notification', fake);
  return fake;
}

const LOW: StockAlert = {
  kind: 'low_stock',
  productId: 'bread',
  name: 'Bread',
  onHand: 1,
  reorderLevel: 4,
  severity: 'low',
};

/** What the notifier would find kept (and keep it as it was). */
const kept = () => takeNotifiedStockAlerts((notified) => ({ remember: notified ?? [], result: notified }));

beforeEach(async () => {
  vi.stubGlobal('localStorage', fakeStorage());
  await resetLocalDatabase();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the "Notify me on this phone" setting (SPEC AL5)', () => {
  it('is off until turned on, and kept on the device', () => {
    expect(readNotifyPreference()).toBe(false);
    saveNotifyPreference(true);
    expect(localStorage.getItem('opentill.stockNotifications')).toBe('on');
    expect(readNotifyPreference()).toBe(true);
    saveNotifyPreference(false);
    expect(readNotifyPreference()).toBe(false);
  });

  it('reads as off where storage is refused', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    });
    expect(() => saveNotifyPreference(true)).not.toThrow();
    expect(readNotifyPreference()).toBe(false);
  });

  it('says unsupported without the Notification API', async () => {
    vi.stubGlobal('Notification', undefined);
    expect(notificationPermission()).toBe('unsupported');
    expect(await turnOnNotifications([LOW])).toBe('unsupported');
    expect(readNotifyPreference()).toBe(false);
  });

  it('asks on the tap; allowed: the setting is on and the alerts of now are noted, not notified', async () => {
    const fake = fakeNotification('granted');
    expect(notificationPermission()).toBe('default');
    expect(await kept()).toBeNull();
    expect(await turnOnNotifications([LOW])).toBe('granted');
    expect(fake.requestPermission).toHaveBeenCalledTimes(1);
    expect(notificationPermission()).toBe('granted');
    expect(readNotifyPreference()).toBe(true);
    expect(await kept()).toEqual(['low_stock:bread']);
    turnOffNotifications();
    expect(readNotifyPreference()).toBe(false);
  });

  it('refused or dismissed: the setting stays off and nothing is noted', async () => {
    fakeNotification('denied');
    expect(await turnOnNotifications([LOW])).toBe('denied');
    expect(readNotifyPreference()).toBe(false);
    fakeNotification('default');
    expect(await turnOnNotifications([LOW])).toBe('default');
    expect(readNotifyPreference()).toBe(false);
    expect(await kept()).toBeNull();
  });
});
