import { sameBranchName, type Branch, type BranchInput } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAuditBy, type RequestContext } from '../audit/audit-log.service.js';
import {
  hasOpenShift,
  insertBranch,
  listBranches,
  lockTenant,
  moveDevice,
  renameBranch,
} from './branches.repository.js';

export interface BranchService {
  list(claims: DeviceClaims): Promise<Branch[]>;
  /** BR1: a new branch, its name unique in the shop; audited. */
  add(claims: DeviceClaims, input: BranchInput, context: RequestContext): Promise<Branch>;
  rename(claims: DeviceClaims, id: string, input: BranchInput, context: RequestContext): Promise<Branch>;
  /** BR3: the calling till now stands in this branch; audited. */
  moveThisDevice(claims: DeviceClaims, branchId: string, context: RequestContext): Promise<Branch>;
}

export function createBranchService(db: Db): BranchService {
  /**
   * The shop's branches under its lock (two owners adding "Rosebank" at once must not both succeed),
   * after checking that `renaming`, when given, is one of them: an unknown branch is 404 before its name is judged.
   */
  async function namesFree(tx: Transaction, tenantId: string, name: string, renaming?: string) {
    await lockTenant(tx, tenantId);
    const all = await listBranches(tx, tenantId);
    if (renaming !== undefined && !all.some((branch) => branch.id === renaming)) {
      throw new AppError('OT_ERR_BRANCH_NOT_FOUND');
    }
    if (all.some((branch) => branch.id !== renaming && sameBranchName(branch.name, name))) {
      throw new AppError('OT_ERR_BRANCH_NAME_TAKEN');
    }
    return all;
  }

  return {
    list: (claims) => db.withTenant(claims.tenantId, (tx) => listBranches(tx, claims.tenantId)),

    add: (claims, input, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        await namesFree(tx, claims.tenantId, input.name);
        const branch = await insertBranch(tx, claims.tenantId, input.name);
        await recordAuditBy(tx, { claims, context }, 'shop.branch_added', { branchId: branch.id, name: branch.name });
        return branch;
      }),

    rename: (claims, id, input, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const all = await namesFree(tx, claims.tenantId, input.name, id);
        const branch = all.find((candidate) => candidate.id === id) as Branch;
        await renameBranch(tx, id, input.name);
        await recordAuditBy(tx, { claims, context }, 'shop.branch_renamed', {
          branchId: id,
          from: branch.name,
          to: input.name,
        });
        return { id, name: input.name };
      }),

    moveThisDevice: (claims, branchId, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const branch = (await listBranches(tx, claims.tenantId)).find((candidate) => candidate.id === branchId);
        if (!branch) throw new AppError('OT_ERR_BRANCH_NOT_FOUND');
        if (await hasOpenShift(tx, claims.deviceId)) throw new AppError('OT_ERR_DEVICE_SHIFT_OPEN');
        await moveDevice(tx, claims.deviceId, branchId);
        await recordAuditBy(tx, { claims, context }, 'device.moved', {
          deviceId: claims.deviceId,
          branchId,
          name: branch.name,
        });
        return branch;
      }),
  };
}
