/**
 * Records a sign-in lockout in the shop's audit log (SPEC AU), so the owner sees
 * that someone was guessing their PIN. The lock itself lives in the attempt guard.
 */
import type { Db } from '../db/client.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import { findOwnerByPhone, findOwnerTenant } from './auth.repository.js';
import type { Lockout } from './attempt-guard.js';

export interface LockoutService {
  /** Writes `auth.locked_out` to the shop whose owner has this (normalized) phone; nothing for an unknown phone. */
  recordSignInLockout(phone: string, lockout: Lockout, context: RequestContext & { deviceId: string }): Promise<void>;
}

export function createLockoutService(db: Db): LockoutService {
  return {
    async recordSignInLockout(phone, lockout, { deviceId, ...context }) {
      // Sign-in has no tenant yet: find it first, then work inside it (row-level security).
      const tenantId = await findOwnerTenant(db.orm, phone);
      // An unknown phone names no shop, so there is no tenant log to write to.
      if (!tenantId) return;
      await db.withTenant(tenantId, async (tx) => {
        const owner = await findOwnerByPhone(tx, phone);
        if (!owner) return;
        await recordAudit(tx, {
          tenantId,
          action: 'auth.locked_out',
          actorUserId: owner.userId,
          ...context,
          details: {
            kind: lockout.kind,
            lockSeconds: lockout.lockSeconds,
            lockoutNumber: lockout.lockoutNumber,
            deviceId,
          },
        });
      });
    },
  };
}
