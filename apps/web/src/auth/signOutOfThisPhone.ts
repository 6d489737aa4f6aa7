import { signOutDevice, type SignOutResult } from '../db';
import { forgetSessionUi } from './forgetSessionUi';

/**
 * Signs this phone out when nothing is unsynced (signOutDevice checks and wipes
 * in one transaction; a refusal deletes nothing). The app returns to the welcome
 * screen by itself: it watches the stored session. The sync triggers keep
 * running harmlessly: without a session a sync run does nothing, the poke stream
 * closes when the session goes, and an answer still on its way is dropped
 * (applySyncResult checks the device). The server keeps the device's record.
 */
export async function signOutOfThisPhone(): Promise<SignOutResult> {
  const result = await signOutDevice();
  if (result.signedOut) forgetSessionUi();
  return result;
}
