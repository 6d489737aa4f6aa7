import { and, eq } from 'drizzle-orm';
import type { Sale } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { sales } from '../db/schema.js';

export interface SaleOrigin {
  tenantId: string;
  branchId: string;
  deviceId: string;
  userId: string;
}

/**
 * Stores a sale once: UNIQUE(tenant_id, device_id, local_id) turns a second
 * arrival of the same sale into a no-op that returns the first one's id.
 */
export async function insertSale(tx: Executor, origin: SaleOrigin, sale: Sale): Promise<string> {
  const [inserted] = await tx
    .insert(sales)
    .values({
      ...origin,
      localId: sale.localId,
      totalAmount: sale.totalAmount,
      paymentMethod: sale.paymentMethod,
      tendered: sale.tendered,
      change: sale.change,
      items: sale.items,
      createdAt: new Date(sale.createdAt),
    })
    .onConflictDoNothing({ target: [sales.tenantId, sales.deviceId, sales.localId] })
    .returning({ id: sales.id });
  if (inserted) return inserted.id;
  const [existing] = await tx
    .select({ id: sales.id })
    .from(sales)
    .where(
      and(eq(sales.tenantId, origin.tenantId), eq(sales.deviceId, origin.deviceId), eq(sales.localId, sale.localId)),
    );
  if (!existing) throw new Error('sale conflict without an existing row');
  return existing.id;
}
