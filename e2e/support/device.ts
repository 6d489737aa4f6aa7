/** What a phone holds in its IndexedDB (the app's `opentill` database), read from its page. */
import type { Page } from '@playwright/test';

export interface StoredDevice {
  token: string;
  deviceId: string;
}

/** The device token and id this phone stored at sign-in (table `session`, row `current`). */
export async function storedDevice(page: Page): Promise<StoredDevice> {
  const stored = await page.evaluate(
    () =>
      new Promise<{ token?: unknown; device?: { id?: unknown } } | undefined>((resolve, reject) => {
        const open = indexedDB.open('opentill');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const database = open.result;
          const read = database.transaction('session').objectStore('session').get('current');
          read.onerror = () => reject(read.error ?? new Error('IndexedDB read failed'));
          read.onsuccess = () => {
            database.close();
            resolve(read.result as { token?: unknown; device?: { id?: unknown } } | undefined);
          };
        };
      }),
  );
  if (typeof stored?.token !== 'string' || typeof stored.device?.id !== 'string') {
    throw new Error('This phone holds no device session');
  }
  return { token: stored.token, deviceId: stored.device.id };
}

/** How many rows each of the app's local tables holds on this phone. */
export async function localRowCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('opentill');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const database = open.result;
          const names = [...database.objectStoreNames];
          const transaction = database.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = transaction.objectStore(name).count();
            count.onsuccess = () => {
              counts[name] = count.result;
            };
          }
          transaction.oncomplete = () => {
            database.close();
            resolve(counts);
          };
          transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB count failed'));
        };
      }),
  );
}
