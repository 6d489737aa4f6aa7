import { ROLES, type Role, type Session } from '@opentill/domain';
import { db } from './database';
import { META_KEYS } from './metaKeys';

/**
 * Who is working on this device now (SPEC ID3): the signed-in user at first, then
 * whoever last switched in by PIN. Every queued operation carries their id as
 * `actorId` (enqueue.ts), and sales keep their name for the receipt.
 */
export interface ActingUser {
  userId: string;
  name: string;
  role: Role;
}

export function actingUserOf(user: Pick<Session['user'], 'id' | 'name' | 'role'>): ActingUser {
  return { userId: user.id, name: user.name, role: user.role };
}

function isActingUser(value: unknown): value is ActingUser {
  if (typeof value !== 'object' || value === null) return false;
  const { userId, name, role } = value as Partial<Record<keyof ActingUser, unknown>>;
  return typeof userId === 'string' && typeof name === 'string' && ROLES.some((known) => known === role);
}

/** The acting user, or null before anyone signed in (or if the stored value is unreadable). */
export async function getActingUser(): Promise<ActingUser | null> {
  const row = await db.meta.get(META_KEYS.actingUser);
  return isActingUser(row?.value) ? row.value : null;
}

/** Stores the acting user; inside the caller's transaction when there is one (it must include `meta`). */
export async function putActingUser(user: ActingUser): Promise<void> {
  await db.meta.put({ key: META_KEYS.actingUser, value: user });
}
