import type { RosterEntry } from '@opentill/domain';
import { getActingUser, putActingUser } from './actingUser';
import { db, type StaffRow } from './database';
import { META_KEYS } from './metaKeys';

/**
 * Replaces the staff roster with the server's, in ONE transaction: a reader sees
 * the old list or the new one, never a mix, and a person the server dropped (or
 * whose PIN changed) is gone or changed at once. Dropped when the device was
 * signed out or signed in anew while the request was on its way (returns false).
 * The acting user keeps acting; their name and role follow the roster.
 */
export async function replaceRoster(deviceId: string, staff: readonly RosterEntry[], now: Date): Promise<boolean> {
  return db.transaction('rw', [db.session, db.staff, db.meta], async () => {
    const session = await db.session.get('current');
    if (session?.device.id !== deviceId) return false;
    await db.staff.clear();
    await db.staff.bulkPut(staff.map((entry) => ({ ...entry })));
    await db.meta.put({ key: META_KEYS.rosterFetchedAt, value: now.toISOString() });
    const acting = await getActingUser();
    const current = acting ? staff.find((entry) => entry.userId === acting.userId) : undefined;
    if (current) await putActingUser({ userId: current.userId, name: current.name, role: current.role });
    return true;
  });
}

/** Everyone who may work on this device, by name. */
export async function listRoster(): Promise<StaffRow[]> {
  const staff = await db.staff.toArray();
  return staff.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getRosterEntry(userId: string): Promise<StaffRow | undefined> {
  return db.staff.get(userId);
}

/** When the roster was last fetched, or null if never on this device session. */
export async function getRosterFetchedAt(): Promise<string | null> {
  const row = await db.meta.get(META_KEYS.rosterFetchedAt);
  return typeof row?.value === 'string' ? row.value : null;
}
