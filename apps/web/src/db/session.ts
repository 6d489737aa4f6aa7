import { sessionSchema, type Session } from '@opentill/domain';
import { db } from './database';
import { META_KEYS } from './meta';

const SESSION_KEY = 'current';

export async function getSession(): Promise<Session | null> {
  const row = await db.session.get(SESSION_KEY);
  if (!row) return null;
  const { key: _key, savedAt: _savedAt, ...session } = row;
  return session;
}

/**
 * Stores the session of a newly registered or signed-in device. A new device id
 * starts a new sequence (seq 1) and a fresh pull. Refuses to replace another
 * device's session while its operations are still queued: they would be orphaned.
 */
export async function saveSession(session: Session): Promise<void> {
  const parsed = sessionSchema.parse(session);
  await db.transaction('rw', [db.session, db.meta, db.outbox], async () => {
    const previous = await db.session.get(SESSION_KEY);
    if (previous && previous.device.id !== parsed.device.id) {
      const queued = await db.outbox.count();
      if (queued > 0) throw new Error('Unsynced operations belong to the previous device session.');
    }
    if (!previous || previous.device.id !== parsed.device.id) {
      await db.meta.put({ key: META_KEYS.nextSeq, value: 1 });
      await db.meta.delete(META_KEYS.cursor);
    }
    await db.session.put({ ...parsed, key: SESSION_KEY, savedAt: new Date().toISOString() });
  });
}
