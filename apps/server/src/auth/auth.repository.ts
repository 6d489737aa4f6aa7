import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { devicePrefix, type PasswordPolicyPreset, type PinVerifier } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { branches, devices, signingKeys, tenants, users } from '../db/schema.js';

export interface NewShop {
  /** Chosen by the caller, whose transaction already names it as its tenant (row-level security). */
  tenantId: string;
  businessName: string;
  ownerName: string;
  /** A spaza owner signs in by phone and PIN... */
  phone?: string;
  pinHash?: string;
  /** For shared devices (ID3); scripts that never sign in on a device may leave it out. */
  pinVerifier?: PinVerifier;
  /** ...a pharmacy owner by email (lower-case) and password, under the shop's password policy (ID5). */
  email?: string;
  passwordHash?: string;
  passwordPolicy?: PasswordPolicyPreset;
}

export interface ShopRefs {
  tenantId: string;
  branchId: string;
  userId: string;
}

export const OWNER_PHONE_CONSTRAINT = 'uq_users_owner_phone';
export const DEVICE_ID_CONSTRAINT = 'devices_pkey';

/** Creates a tenant with its first branch and its owner; run inside a transaction. */
export async function insertShop(tx: Executor, shop: NewShop): Promise<ShopRefs> {
  const [tenant] = await tx
    .insert(tenants)
    .values({
      id: shop.tenantId,
      businessName: shop.businessName,
      phone: shop.phone ?? null,
      email: shop.email ?? null,
      ...(shop.passwordPolicy ? { passwordPolicy: shop.passwordPolicy } : {}),
    })
    .returning({ id: tenants.id });
  if (!tenant) throw new Error('tenant insert returned nothing');
  const [branch] = await tx
    .insert(branches)
    .values({ tenantId: tenant.id, name: 'Main' })
    .returning({ id: branches.id });
  if (!branch) throw new Error('branch insert returned nothing');
  const [user] = await tx
    .insert(users)
    .values({
      tenantId: tenant.id,
      name: shop.ownerName,
      phone: shop.phone ?? null,
      role: 'OWNER',
      pinHash: shop.pinHash ?? null,
      pinVerifier: shop.pinVerifier ?? null,
      email: shop.email ?? null,
      passwordHash: shop.passwordHash ?? null,
      // Newest first, the current password included (isReusedPassword).
      passwordHistory: shop.passwordHash ? [shop.passwordHash] : [],
    })
    .returning({ id: users.id });
  if (!user) throw new Error('user insert returned nothing');
  return { tenantId: tenant.id, branchId: branch.id, userId: user.id };
}

/**
 * Registers a device with the next receipt prefix of its tenant (RC1): the count
 * is taken under the tenant's row lock, so devices registering at once get
 * different prefixes. Returns the prefix.
 */
export async function insertDevice(
  tx: Executor,
  device: { id: string; name: string | undefined } & ShopRefs,
): Promise<string> {
  const [counted] = await tx
    .update(tenants)
    .set({ devicesRegistered: sql`${tenants.devicesRegistered} + 1` })
    .where(eq(tenants.id, device.tenantId))
    .returning({ number: tenants.devicesRegistered });
  if (!counted) throw new Error('device registration found no tenant');
  const receiptPrefix = devicePrefix(counted.number);
  await tx.insert(devices).values({
    id: device.id,
    tenantId: device.tenantId,
    branchId: device.branchId,
    registeredBy: device.userId,
    name: device.name ?? null,
    receiptPrefix,
  });
  return receiptPrefix;
}

export interface OwnerRecord extends ShopRefs {
  userName: string;
  businessName: string;
  branchName: string;
  pinHash: string | null;
  /** False for an owner registered before devices kept PIN verifiers (ID3). */
  hasPinVerifier: boolean;
}

/**
 * The tenant whose active owner signs in with this phone: sign-in has no tenant yet,
 * so a security-definer function answers this one question past row-level security.
 */
export async function findOwnerTenant(db: Executor, phone: string): Promise<string | undefined> {
  const [row] = await queryRows<{ tenant_id: string | null }>(
    db,
    sql`select owner_tenant_by_phone(${phone}) as tenant_id`,
  );
  return row?.tenant_id ?? undefined;
}

/** The active owner who signs in with this phone number, with the tenant's first branch. */
export async function findOwnerByPhone(db: Executor, phone: string): Promise<OwnerRecord | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      userName: users.name,
      pinHash: users.pinHash,
      hasPinVerifier: sql<boolean>`${users.pinVerifier} IS NOT NULL`,
      tenantId: tenants.id,
      businessName: tenants.businessName,
      branchId: branches.id,
      branchName: branches.name,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .innerJoin(branches, eq(branches.tenantId, tenants.id))
    .where(and(eq(users.phone, phone), eq(users.role, 'OWNER'), eq(users.isActive, true)))
    .orderBy(asc(branches.createdAt))
    .limit(1);
  return row;
}

/** A device of this tenant, removed or not: signing in again resumes it (SPEC ID17). */
export async function findTenantDevice(db: Executor, tenantId: string, deviceId: string) {
  const [row] = await db
    .select({ id: devices.id, revokedAt: devices.revokedAt })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId)))
    .limit(1);
  return row;
}

/** A device that is registered and not revoked, within its tenant. */
export async function findActiveDevice(db: Executor, tenantId: string, deviceId: string) {
  const [row] = await db
    .select({ id: devices.id, branchId: devices.branchId })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId), isNull(devices.revokedAt)))
    .limit(1);
  return row;
}

/** The token keys made after `since`, newest first. */
export async function listSigningKeys(db: Executor, since: Date) {
  return db
    .select({
      kid: signingKeys.kid,
      privateKey: signingKeys.privateKey,
      publicKey: signingKeys.publicKey,
      createdAt: signingKeys.createdAt,
    })
    .from(signingKeys)
    .where(gt(signingKeys.createdAt, since))
    .orderBy(desc(signingKeys.createdAt));
}

export async function insertSigningKey(
  db: Executor,
  key: { kid: string; privateKey: string; publicKey: string },
): Promise<void> {
  await db.insert(signingKeys).values(key).onConflictDoNothing();
}
