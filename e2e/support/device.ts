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

/** The tokens this phone holds now (SPEC ID17), and whether its session has ended. */
export interface StoredTokens {
  token: string;
  tokenExpiresAt: string;
  refreshToken: string;
  endedAt: string | null;
  /** Whether a key pair is kept with the session (its private key never leaves WebCrypto). */
  hasDeviceKey: boolean;
}

export async function storedTokens(page: Page): Promise<StoredTokens> {
  const stored = await page.evaluate(
    () =>
      new Promise<StoredTokens | null>((resolve, reject) => {
        const open = indexedDB.open('opentill');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const database = open.result;
          const read = database.transaction('session').objectStore('session').get('current');
          read.onerror = () => reject(read.error ?? new Error('IndexedDB read failed'));
          read.onsuccess = () => {
            database.close();
            const row = read.result as
              | {
                  token: string;
                  tokenExpiresAt: string;
                  refreshToken: string;
                  endedAt?: string;
                  deviceKey?: CryptoKeyPair;
                }
              | undefined;
            resolve(
              row
                ? {
                    token: row.token,
                    tokenExpiresAt: row.tokenExpiresAt,
                    refreshToken: row.refreshToken,
                    endedAt: row.endedAt ?? null,
                    hasDeviceKey:
                      row.deviceKey?.privateKey instanceof CryptoKey && !row.deviceKey.privateKey.extractable,
                  }
                : null,
            );
          };
        };
      }),
  );
  if (!stored) throw new Error('This phone holds no device session');
  return stored;
}
