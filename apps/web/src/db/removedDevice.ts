import { db } from './database';
import { META_KEYS } from './metaKeys';
import { clearLocalData, unsyncedItems } from './signOut';

/** What the welcome screen says after the owner removed this phone from the shop. */
export interface DeviceRemovedNotice {
  businessName: string;
  /** When this phone forgot the shop's data (ISO time). */
  removedAt: string;
}

/**
 * `wiped`: forgotten. `pending`: operations still wait to be sent (keep syncing).
 * `not-signed-in`: the phone is no longer signed in as that device (nothing done).
 */
export type ForgetRemovedResult = 'wiped' | 'pending' | 'not-signed-in';

/**
 * The owner removed this device (a sync answer said `deviceRevoked`): forgets everything
 * here with sign-out's own wipe, in ONE transaction with the check, once no operation is
 * left to send. Rejected operations and open conflicts do NOT hold it back, unlike
 * sign-out: the server has stored its answer to each, and a removed device could not send
 * a person's decision about them anyway (it would be rejected too), so waiting for one
 * would keep the shop's data on a phone the owner removed, forever. Leaves a notice
 * behind for the welcome screen.
 */
export async function forgetRemovedDevice(deviceId: string, now = new Date()): Promise<ForgetRemovedResult> {
  return db.transaction('rw', db.tables, async () => {
    const session = await db.session.get('current');
    // Signed out, or signed in again as a new device, while the answer was on its way.
    if (session?.device.id !== deviceId) return 'not-signed-in';
    if ((await unsyncedItems()).pending > 0) return 'pending';
    await clearLocalData();
    const notice: DeviceRemovedNotice = { businessName: session.tenant.businessName, removedAt: now.toISOString() };
    await db.meta.put({ key: META_KEYS.deviceRemoved, value: notice });
    return 'wiped';
  });
}

/** The notice left by the last removal, until the phone signs in again; null when there is none. */
export async function getDeviceRemovedNotice(): Promise<DeviceRemovedNotice | null> {
  const value = (await db.meta.get(META_KEYS.deviceRemoved))?.value;
  if (typeof value !== 'object' || value === null) return null;
  const { businessName, removedAt } = value as Partial<Record<keyof DeviceRemovedNotice, unknown>>;
  return typeof businessName === 'string' && typeof removedAt === 'string' ? { businessName, removedAt } : null;
}
