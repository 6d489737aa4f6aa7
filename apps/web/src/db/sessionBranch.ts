import type { Branch } from '@opentill/domain';
import { db } from './database';
import { SESSION_KEY } from './session';

/**
 * The branch this till now stands in (BR3), after the server moved it or renamed its branch. Only the
 * stored session's `branch` changes: its tokens, key and sequences stay, and the next pull brings the new
 * branch's stock (`stockReset`). No session (signed out meanwhile): nothing to change.
 */
export async function setSessionBranch(branch: Branch): Promise<void> {
  await db.transaction('rw', db.session, async () => {
    const row = await db.session.get(SESSION_KEY);
    if (row) await db.session.put({ ...row, branch: { id: branch.id, name: branch.name } });
  });
}
