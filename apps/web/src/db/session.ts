import { sessionSchema, type Session } from '@opentill/domain';
import { actingUserOf, getActingUser, putActingUser } from './actingUser';
import { db, type TokenClock } from './database';
import { META_KEYS, resetSequences } from './meta';

export const SESSION_KEY = 'current';

/** The server's side of the stored session (an ended one too: its queue still belongs to it). */
export async function getSession(): Promise<Session | null> {
  const row = await db.session.get(SESSION_KEY);
  if (!row) return null;
  const {
    key: _key,
    savedAt: _savedAt,
    deviceKey: _deviceKey,
    tokenClock: _tokenClock,
    endedAt: _endedAt,
    ...session
  } = row;
  return session;
}

/** What this phone keeps beside the server's answer at sign-in (see SessionRow). */
export interface SessionKeeping {
  deviceKey?: CryptoKeyPair | undefined;
  tokenClock?: TokenClock | undefined;
}

/**
 * Stores the session of a newly registered or signed-in device. A new device id
 * starts new sequences (seq 1 in every lane), a new sale chain and a fresh pull; the stock figures and
 * exceptions (of the old device's branch) go, and come back with that pull; so do the staff roster and
 * the wrong-PIN counts, and the signed-in user becomes the acting user. Any session clears the notice that
 * the owner removed this phone (removedDevice.ts): it is signed in again. Refuses to replace another
 * device's session while its operations are still queued: they would be orphaned. Signing in again as
 * the SAME device (after the session ended) keeps everything: its queue goes out under the new session.
 */
export async function saveSession(session: Session, keeping: SessionKeeping = {}): Promise<void> {
  const parsed = sessionSchema.parse(session);
  const stockTables = [db.stock, db.stockExceptions, db.batches];
  const tables = [db.session, db.meta, db.outbox, db.conflicts, ...stockTables, db.staff, db.pinAttempts];
  await db.transaction('rw', tables, async () => {
    const previous = await db.session.get(SESSION_KEY);
    if (previous && previous.device.id !== parsed.device.id) {
      const queued = await db.outbox.count();
      if (queued > 0) throw new Error('Unsynced operations belong to the previous device session.');
    }
    if (!previous || previous.device.id !== parsed.device.id) {
      await resetSequences();
      await db.meta.delete(META_KEYS.cursor);
      await db.meta.delete(META_KEYS.lastSyncedAt);
      await db.conflicts.clear();
      await db.stock.clear();
      await db.stockExceptions.clear();
      await db.batches.clear();
      await db.staff.clear();
      await db.pinAttempts.clear();
      await db.meta.delete(META_KEYS.rosterFetchedAt);
      await putActingUser(actingUserOf(parsed.user));
    } else if ((await getActingUser()) === null) {
      await putActingUser(actingUserOf(parsed.user));
    }
    await db.meta.delete(META_KEYS.deviceRemoved);
    // A new row: the end of an earlier session (endedAt) goes with it.
    await db.session.put({
      ...parsed,
      key: SESSION_KEY,
      savedAt: new Date().toISOString(),
      ...(keeping.deviceKey ? { deviceKey: keeping.deviceKey } : {}),
      ...(keeping.tokenClock ? { tokenClock: keeping.tokenClock } : {}),
    });
  });
}
