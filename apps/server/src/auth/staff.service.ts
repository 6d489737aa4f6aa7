import {
  ROLE_ACTIONS,
  type AuditAction,
  needsBranches,
  type Role,
  type RosterEntry,
  type StaffInput,
  type StaffMember,
  type StaffUpdate,
} from '@opentill/domain';
import type { DeviceClaims } from './tokens.js';
import type { Db, Executor } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { hashPin } from './pin.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import { makePinVerifier } from './pin-verifier.js';
import { findActiveDevice } from './auth.repository.js';
import { countTenantBranches, insertStaff, listStaff, rosterOf, setBranches, updateStaff } from './staff.repository.js';

export interface StaffService {
  list(claims: DeviceClaims): Promise<StaffMember[]>;
  create(claims: DeviceClaims, input: StaffInput, context: RequestContext): Promise<StaffMember>;
  update(claims: DeviceClaims, id: string, input: StaffUpdate, context: RequestContext): Promise<StaffMember>;
  /** Who may work on the claims' device, with PIN verifiers (ID3). */
  roster(claims: DeviceClaims): Promise<RosterEntry[]>;
}

/**
 * Staff management (SPEC ID2–ID4). The route checks `user:manage`; here, the
 * rules that depend on who is asking and on whom: only the owner makes admins,
 * the owner's own record is not changed here, nobody disables themselves.
 * Every change is in the audit log, in its transaction.
 */
export function createStaffService(db: Db): StaffService {
  async function memberOf(executor: Executor, tenantId: string, id: string): Promise<StaffMember | undefined> {
    const [member] = await listStaff(executor, tenantId, [id]);
    return member;
  }

  async function requesterRole(claims: DeviceClaims): Promise<Role> {
    const requester = await db.withTenant(claims.tenantId, (tx) => memberOf(tx, claims.tenantId, claims.userId));
    if (!requester?.active) throw new AppError('OT_ERR_FORBIDDEN');
    return requester.role;
  }

  async function checkBranches(tenantId: string, role: Role, branchIds: readonly string[]): Promise<void> {
    if (needsBranches(role) && branchIds.length === 0) {
      throw new AppError('OT_ERR_VALIDATION', [
        { path: 'branchIds', message: 'This role works at a branch: choose at least one.' },
      ]);
    }
    const unique = [...new Set(branchIds)];
    const known = await db.withTenant(tenantId, (tx) => countTenantBranches(tx, tenantId, unique));
    if (known !== unique.length) {
      throw new AppError('OT_ERR_BRANCH_UNKNOWN');
    }
  }

  return {
    list: (claims) => db.withTenant(claims.tenantId, (tx) => listStaff(tx, claims.tenantId)),

    async create(claims, input, context) {
      const asker = await requesterRole(claims);
      if (input.role === 'ADMIN' && asker !== 'OWNER') throw new AppError('OT_ERR_FORBIDDEN');
      await checkBranches(claims.tenantId, input.role, input.branchIds);
      const [pinHash, pinVerifier] = await Promise.all([hashPin(input.pin), makePinVerifier(input.pin)]);
      return db.withTenant(claims.tenantId, async (tx) => {
        const id = await insertStaff(tx, {
          tenantId: claims.tenantId,
          name: input.name,
          phone: input.phone ?? null,
          role: input.role,
          pinHash,
          pinVerifier,
        });
        await setBranches(tx, claims.tenantId, id, [...new Set(input.branchIds)]);
        const member = await memberOf(tx, claims.tenantId, id);
        if (!member) throw new Error('a person just created is missing');
        await recordAudit(tx, {
          ...by(claims, context),
          action: 'user.created',
          details: { userId: id, name: member.name, role: member.role, branchIds: member.branchIds },
        });
        return member;
      });
    },

    async update(claims, id, input, context) {
      const asker = await requesterRole(claims);
      const current = await db.withTenant(claims.tenantId, (tx) => memberOf(tx, claims.tenantId, id));
      if (!current) throw new AppError('OT_ERR_STAFF_NOT_FOUND');
      if (current.role === 'OWNER') throw new AppError('OT_ERR_FORBIDDEN');
      if ((input.role === 'ADMIN' || current.role === 'ADMIN') && asker !== 'OWNER') {
        throw new AppError('OT_ERR_FORBIDDEN');
      }
      if (input.active === false && id === claims.userId) throw new AppError('OT_ERR_FORBIDDEN');
      const role = input.role ?? current.role;
      const branchIds = input.branchIds ?? current.branchIds;
      if (input.role !== undefined || input.branchIds !== undefined)
        await checkBranches(claims.tenantId, role, branchIds);
      const pin =
        input.pin === undefined
          ? {}
          : { pinHash: await hashPin(input.pin), pinVerifier: await makePinVerifier(input.pin) };
      return db.withTenant(claims.tenantId, async (tx) => {
        await updateStaff(tx, claims.tenantId, id, {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.role === undefined ? {} : { role: input.role }),
          ...(input.active === undefined ? {} : { active: input.active }),
          ...pin,
        });
        if (input.branchIds !== undefined) await setBranches(tx, claims.tenantId, id, [...new Set(input.branchIds)]);
        const member = await memberOf(tx, claims.tenantId, id);
        if (!member) throw new AppError('OT_ERR_STAFF_NOT_FOUND');
        for (const [action, details] of changesOf(current, member, input.pin !== undefined)) {
          await recordAudit(tx, { ...by(claims, context), action, details: { userId: id, ...details } });
        }
        return member;
      });
    },

    async roster(claims) {
      const rows = await db.withTenant(claims.tenantId, async (tx) => {
        // The device's branch as it is now: a till moved since its token was issued serves its new branch (BR3).
        const device = await findActiveDevice(tx, claims.tenantId, claims.deviceId);
        return rosterOf(tx, claims.tenantId, device?.branchId ?? claims.branchId);
      });
      return rows.map((row) => ({ ...row, actions: [...ROLE_ACTIONS[row.role]] }));
    },
  };
}

/** Who did it, for the audit log: the device's signed-in user, from the request's address. */
function by(claims: DeviceClaims, context: RequestContext) {
  return { tenantId: claims.tenantId, actorUserId: claims.userId, actorDeviceId: claims.deviceId, ...context };
}

/** The audit entries a change of a person makes: one per kind of change, with before and after. */
function changesOf(
  before: StaffMember,
  after: StaffMember,
  pinChanged: boolean,
): [AuditAction, Record<string, unknown>][] {
  const entries: [AuditAction, Record<string, unknown>][] = [];
  if (before.name !== after.name) entries.push(['user.renamed', { from: before.name, to: after.name }]);
  if (before.role !== after.role) entries.push(['user.role_changed', { from: before.role, to: after.role }]);
  if (before.branchIds.join() !== after.branchIds.join()) {
    entries.push(['user.branches_changed', { from: before.branchIds, to: after.branchIds }]);
  }
  if (before.active !== after.active) entries.push([after.active ? 'user.enabled' : 'user.disabled', {}]);
  if (pinChanged) entries.push(['user.pin_changed', {}]);
  return entries;
}
