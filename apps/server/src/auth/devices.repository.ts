import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DeviceRecord } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { devices, users } from '../db/schema.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The tenant's devices, newest first, with the name of whoever registered each. */
export async function listDevices(db: Executor, tenantId: string): Promise<DeviceRecord[]> {
  const rows = await db
    .select({
      id: devices.id,
      name: devices.name,
      branchId: devices.branchId,
      registeredBy: users.name,
      lastSeenAt: devices.lastSeenAt,
      revokedAt: devices.revokedAt,
      createdAt: devices.createdAt,
    })
    .from(devices)
    .leftJoin(users, eq(users.id, devices.registeredBy))
    .where(eq(devices.tenantId, tenantId))
    .orderBy(sql`${devices.createdAt} DESC`, asc(devices.id));
  return rows.map((row) => ({
    ...row,
    lastSeenAt: iso(row.lastSeenAt),
    revokedAt: iso(row.revokedAt),
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}

/** Revokes the tenant's device; false when it is not the tenant's or already revoked. */
export async function revokeDevice(tx: Executor, tenantId: string, deviceId: string): Promise<boolean> {
  const rows = await tx
    .update(devices)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  return rows.length > 0;
}

export async function isDeviceActive(db: Executor, tenantId: string, deviceId: string): Promise<boolean> {
  const rows = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId), isNull(devices.revokedAt)));
  return rows.length > 0;
}
