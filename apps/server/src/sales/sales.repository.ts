import { and, eq, inArray } from 'drizzle-orm';
import type { Sale } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { sales } from '../db/schema.js';

export interface SaleOrigin {
  tenantId: string;
  branchId: string;
  deviceId: string;
  userId: string;
}

export interface SaleSeal {
  /** The id the sale gets if it is new (the signature covers it). */
  id: string;
  signature: string;
  signatureKeyId: string;
}

export interface StoredSale {
  id: string;
  /** False when the sale was already stored (same device and local id). */
  inserted: boolean;
}

/**
 * Stores a device's sales in one statement. UNIQUE(tenant_id, device_id, local_id)
 * turns a sale that arrives again into a no-op; the answer maps each local id to
 * the stored sale.
 */
export async function insertSales(
  tx: Executor,
  origin: SaleOrigin,
  batch: readonly { sale: Sale; seal: SaleSeal }[],
): Promise<Map<string, StoredSale>> {
  const stored = new Map<string, StoredSale>();
  if (batch.length === 0) return stored;
  const inserted = await tx
    .insert(sales)
    .values(
      batch.map(({ sale, seal }) => ({
        ...origin,
        ...seal,
        localId: sale.localId,
        totalAmount: sale.totalAmount,
        paymentMethod: sale.paymentMethod,
        tendered: sale.tendered,
        change: sale.change,
        items: sale.items,
        chainSeq: sale.chain.seq,
        previousHash: sale.chain.previousHash,
        hash: sale.chain.hash,
        createdAt: new Date(sale.createdAt),
      })),
    )
    .onConflictDoNothing({ target: [sales.tenantId, sales.deviceId, sales.localId] })
    .returning({ id: sales.id, localId: sales.localId });
  for (const row of inserted) stored.set(row.localId, { id: row.id, inserted: true });

  const earlier = batch.map(({ sale }) => sale.localId).filter((localId) => !stored.has(localId));
  if (earlier.length > 0) {
    const rows = await tx
      .select({ id: sales.id, localId: sales.localId })
      .from(sales)
      .where(
        and(eq(sales.tenantId, origin.tenantId), eq(sales.deviceId, origin.deviceId), inArray(sales.localId, earlier)),
      );
    for (const row of rows) stored.set(row.localId, { id: row.id, inserted: false });
  }
  return stored;
}
