/** Email + password accounts and their two-factor state (SPEC ID5–ID9), within a tenant. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Role } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { branches, tenants, users } from '../db/schema.js';
import type { ShopRefs } from './auth.repository.js';

export const EMAIL_CONSTRAINT = 'uq_users_email';

/**
 * The tenant of the active account with this (lower-case) email: sign-in has no tenant yet, so a
 * security-definer function answers this one question past row-level security.
 */
export async function findAccountTenant(db: Executor, email: string): Promise<string | undefined> {
  const [row] = await queryRows<{ tenant_id: string | null }>(
    db,
    sql`select account_tenant_by_email(${email}) as tenant_id`,
  );
  return row?.tenant_id ?? undefined;
}

export interface AccountRecord extends ShopRefs {
  userName: string;
  role: Role;
  email: string;
  businessName: string;
  branchName: string;
  passwordHash: string | null;
  totpEnabled: boolean;
}

/** The active account with this email, with the tenant's first branch (the device's, at sign-in). */
export async function findAccountByEmail(db: Executor, email: string): Promise<AccountRecord | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      userName: users.name,
      role: sql<Role>`${users.role}`,
      email: sql<string>`${users.email}`,
      passwordHash: users.passwordHash,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
      tenantId: tenants.id,
      businessName: tenants.businessName,
      branchId: branches.id,
      branchName: branches.name,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .innerJoin(branches, eq(branches.tenantId, tenants.id))
    .where(and(eq(users.email, email), eq(users.isActive, true)))
    .orderBy(asc(branches.createdAt))
    .limit(1);
  return row;
}

export interface AccountCredentials {
  userId: string;
  userName: string;
  email: string | null;
  businessName: string;
  passwordPolicy: string;
  passwordHash: string | null;
  passwordHistory: string[];
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  recoveryCodeHashes: string[];
}

/**
 * A person's credentials, the row locked until the transaction ends: two sign-ins with one code,
 * or one recovery code, queue, and the second sees the step or the code already used.
 */
export async function lockCredentials(
  tx: Executor,
  tenantId: string,
  userId: string,
): Promise<AccountCredentials | undefined> {
  const [row] = await tx
    .select({
      userId: users.id,
      userName: users.name,
      email: users.email,
      businessName: tenants.businessName,
      passwordPolicy: tenants.passwordPolicy,
      passwordHash: users.passwordHash,
      passwordHistory: users.passwordHistory,
      totpSecret: users.totpSecret,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
      totpLastStep: users.totpLastStep,
      recoveryCodeHashes: users.recoveryCodeHashes,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId), eq(users.isActive, true)))
    .for('update', { of: users });
  return row;
}

/** Changes what is given of a person's credentials. */
export async function updateCredentials(
  tx: Executor,
  userId: string,
  change: Partial<{
    passwordHash: string;
    passwordHistory: string[];
    totpSecret: string;
    totpEnabledAt: Date;
    totpLastStep: number;
    recoveryCodeHashes: string[];
  }>,
): Promise<void> {
  await tx
    .update(users)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
