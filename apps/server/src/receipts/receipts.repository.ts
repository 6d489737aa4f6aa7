import { eq, sql } from 'drizzle-orm';
import type { SaleReference } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { tenants } from '../db/schema.js';

/** A completed sale of the tenant's, by its server id or its receipt code: its id and what names it on a device. */
export async function findSaleIdentity(
  tx: Executor,
  tenantId: string,
  reference: SaleReference,
): Promise<{ id: string; deviceId: string; localId: string } | null> {
  const where =
    reference.kind === 'id'
      ? sql`id = ${reference.id}::uuid`
      : sql`device_id = ${reference.deviceId}::uuid AND local_id = ${reference.localId}`;
  const [row] = await queryRows<{ id: string; device_id: string; local_id: string }>(
    tx,
    sql`SELECT id, device_id, local_id FROM sales
        WHERE tenant_id = ${tenantId}::uuid AND status = 'completed' AND ${where} LIMIT 1`,
  );
  return row ? { id: row.id, deviceId: row.device_id, localId: row.local_id } : null;
}

/** The business name a receipt is headed with (VD6: the supplier's name). */
export async function readBusinessName(tx: Executor, tenantId: string): Promise<string> {
  const [row] = await tx.select({ name: tenants.businessName }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? '';
}
