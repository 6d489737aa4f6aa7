/** A new password must differ from the last few (issue 4: "last 5 not reused"; `PasswordPolicy.historyDepth`). */
import { PASSWORD_POLICIES } from '@opentill/domain';
import { verifyPassword } from './password-hash.js';

/**
 * Whether `password` matches one of the newest `historyDepth` hashes. `previousHashes` is newest first
 * and starts with the current password's hash, so "the last 5" includes the one being replaced.
 * The hashes are verified at once (Argon2 runs on libuv's thread pool): one wait, not five.
 */
export async function isReusedPassword(
  password: string,
  previousHashes: readonly string[],
  historyDepth: number = PASSWORD_POLICIES.standard.historyDepth,
): Promise<boolean> {
  const recent = previousHashes.slice(0, Math.max(0, historyDepth));
  const matches = await Promise.all(recent.map((previous) => verifyPassword(previous, password)));
  return matches.includes(true);
}
