import type { Session } from '@opentill/domain';
import { saveSession, type SessionKeeping } from '../db';
import { requestSync } from '../sync';
import { requestPersistentStorage } from '../shell/persistentStorage';

/**
 * Keeps the new session on this phone (with its key pair and token clock), asks the
 * browser not to evict our data (sales waiting to sync live there), then syncs: pulls
 * the shop's products, and after signing in again sends what waited. The app switches
 * to the Sell screen by itself: it watches the stored session.
 */
export async function completeSignIn(session: Session, keeping: SessionKeeping): Promise<void> {
  await saveSession(session, keeping);
  void requestPersistentStorage();
  requestSync();
}
