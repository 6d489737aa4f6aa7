import type { Session } from '@opentill/domain';
import { saveSession } from '../db';
import { requestSync } from '../sync';
import { requestPersistentStorage } from '../shell/persistentStorage';

/**
 * Keeps the new session on this phone, asks the browser not to evict our data
 * (sales waiting to sync live there), then pulls the shop's products. The app
 * switches to the Sell screen by itself: it watches the stored session.
 */
export async function completeSignIn(session: Session): Promise<void> {
  await saveSession(session);
  void requestPersistentStorage();
  requestSync();
}
