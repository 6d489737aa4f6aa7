import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { TENANT_WIDE_ROLES, pinVerifierSchema, type PinVerifier, type Role, type StaffMember } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { branches, userBranches, users } from '../db/schema.js';

export interface NewStaff {
  tenantId: string;
  name: string;
  phone: string | null;
  role: Role;
  pinHash: string;
  pinVerifier: PinVerifier;
}

/** Everyone of the tenant with their branches, owner first, then by name. */
export async function listStaff(db: Executor, tenantId: string, ids?: readonly string[]): Promise<StaffMember[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    phone: string | null;
    role: Role;
    is_active: boolean;
    branch_ids: string[] | null;
  }>(
    db,
    sql`SELECT u.id, u.name, u.phone, u.role, u.is_active,
          (SELECT array_agg(b.branch_id ORDER BY b.branch_id) FROM ${userBranches} b WHERE b.user_id = u.id)
            AS branch_ids
        FROM ${users} u
        WHERE u.tenant_id = ${tenantId}::uuid
          ${ids ? sql`AND u.id = ANY(${sql.param([...ids])}::uuid[])` : sql``}
        ORDER BY u.role = 'OWNER' DESC, u.name, u.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    phone: row.phone,
    role: row.role,
    branchIds: row.branch_ids ?? [],
    active: row.is_active,
  }));
}

export async function insertStaff(tx: Executor, staff: NewStaff): Promise<string> {
  const [row] = await tx
    .insert(users)
    .values({
      tenantId: staff.tenantId,
      name: staff.name,
      phone: staff.phone,
      role: staff.role,
      pinHash: staff.pinHash,
      pinVerifier: staff.pinVerifier,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user insert returned nothing');
  return row.id;
}

/** Replaces the person's branches. */
export async function setBranches(tx: Executor, tenantId: string, userId: string, branchIds: readonly string[]) {
  await tx.delete(userBranches).where(eq(userBranches.userId, userId));
  if (branchIds.length === 0) return;
  await tx.insert(userBranches).values(branchIds.map((branchId) => ({ userId, branchId, tenantId })));
}

/** How many of these branch ids are the tenant's. */
export async function countTenantBranches(db: Executor, tenantId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.tenantId, tenantId), inArray(branches.id, [...ids])));
  return rows.length;
}

export interface StaffChanges {
  name?: string;
  role?: Role;
  pinHash?: string;
  pinVerifier?: PinVerifier;
  active?: boolean;
}

/** Applies the changes to a person of the tenant; false when there is no such person. */
export async function updateStaff(
  tx: Executor,
  tenantId: string,
  userId: string,
  changes: StaffChanges,
): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.pinHash === undefined ? {} : { pinHash: changes.pinHash, pinVerifier: changes.pinVerifier }),
      ...(changes.active === undefined
        ? {}
        : { isActive: changes.active, disabledAt: changes.active ? null : sql`now()` }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Stores a verifier made from a PIN the server just checked (a person registered before verifiers existed). */
export async function setPinVerifier(db: Executor, userId: string, verifier: PinVerifier): Promise<void> {
  await db.update(users).set({ pinVerifier: verifier }).where(eq(users.id, userId));
}

export interface RosterRow {
  userId: string;
  name: string;
  role: Role;
  pinVerifier: PinVerifier | null;
}

/** Active people who may work at the branch: its staff and the tenant-wide roles (ID2). */
export async function rosterOf(db: Executor, tenantId: string, branchId: string): Promise<RosterRow[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, role: users.role, pinVerifier: users.pinVerifier })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.isActive, true),
        sql`(${users.role} = ANY(${sql.param([...TENANT_WIDE_ROLES])}::text[]) OR EXISTS (
          SELECT 1 FROM ${userBranches} b WHERE b.user_id = ${users.id} AND b.branch_id = ${branchId}::uuid))`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((row) => {
    const verifier = pinVerifierSchema.safeParse(row.pinVerifier);
    return { ...row, role: row.role as Role, pinVerifier: verifier.success ? verifier.data : null };
  });
}
