import type { ApiFailure } from '../api/tokenRequest';
import { unsyncedCount } from '../db';
import { setSessionBranch } from '../db/sessionBranch';
import { getOpenShift } from '../db/shifts';
import { requestRosterRefresh } from '../sync';
import { moveThisTill, type Branch } from './branchesApi';

export type MoveOutcome =
  | { kind: 'moved'; branch: Branch }
  | { kind: 'unsynced'; count: number }
  | { kind: 'shiftOpen' }
  | { kind: 'failed'; failure: ApiFailure };

/**
 * BR3: moves this till to another branch. Refused while anything waits to be sent: the server books a
 * push at the branch the device stands in when it arrives, so sales rung up here would count at the new
 * branch. Then the stored session names the new branch, and a sync pulls that branch's stock afresh (the
 * server answers `stockReset`) and its roster (who works there).
 */
export async function moveTillTo(branchId: string): Promise<MoveOutcome> {
  const count = await unsyncedCount();
  if (count > 0) return { kind: 'unsynced', count };
  // The open shift's drawer is the old branch's cash: it is closed (and counted) there first.
  if (await getOpenShift()) return { kind: 'shiftOpen' };
  const moved = await moveThisTill(branchId);
  if (!moved.ok) return { kind: 'failed', failure: moved.failure };
  await setSessionBranch(moved.value);
  requestRosterRefresh();
  return { kind: 'moved', branch: moved.value };
}
