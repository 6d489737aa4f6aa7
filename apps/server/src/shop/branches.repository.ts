import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Branch } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { branches, devices, shifts, tenants } from '../db/schema.js';

/** The shop's branches, oldest first (the first is where a new till starts). */
export async function listBranches(tx: Executor, tenantId: string): Promise<Branch[]> {
  return tx
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(eq(branches.tenantId, tenantId))
    .orderBy(asc(branches.createdAt), asc(branches.id));
}

/**
 * Takes the tenant's row lock: two owners adding "Rosebank" at once must not both
 * succeed (BR1). NO KEY UPDATE, as the change counter's UPDATE: it leaves the
 * foreign keys' KEY SHARE locks of concurrent pushes alone.
 */
export async function lockTenant(tx: Executor, tenantId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM ${tenants} WHERE id = ${tenantId}::uuid FOR NO KEY UPDATE`);
}

export async function insertBranch(tx: Executor, tenantId: string, name: string): Promise<Branch> {
  const [row] = await tx
    .insert(branches)
    .values({ tenantId, name })
    .returning({ id: branches.id, name: branches.name });
  if (!row) throw new Error('the branch was not inserted');
  return row;
}

export async function renameBranch(tx: Executor, id: string, name: string): Promise<void> {
  await tx.update(branches).set({ name }).where(eq(branches.id, id));
}

/** Whether the device has a shift the server knows open (its drawer is its branch's cash, BR3). */
export async function hasOpenShift(tx: Executor, deviceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: shifts.id })
    .from(shifts)
    .where(and(eq(shifts.deviceId, deviceId), isNull(shifts.closedAt)))
    .limit(1);
  return row !== undefined;
}

/** Moves a device to a branch; its next pull starts that branch's stock afresh (BR3). */
export async function moveDevice(tx: Executor, deviceId: string, branchId: string): Promise<void> {
  await tx.update(devices).set({ branchId }).where(eq(devices.id, deviceId));
}
