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

export interface SaleSeal {
  /** The id the sale gets if it is new (the signature covers it). */
  id: string;
  signature: string;
  signatureKeyId: string;
}

/**
 * Stores a sale once: UNIQUE(tenant_id, device_id, local_id) turns a second
 * arrival of the same sale into a no-op. Returns the stored id and whether this
 * call inserted it.
 */
export async function insertSale(
  tx: Executor,
  origin: SaleOrigin,
  sale: Sale,
  seal: SaleSeal,
): Promise<{ id: string; inserted: boolean }> {
  const [inserted] = await tx
    .insert(sales)
    .values({
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
    })
    .onConflictDoNothing({ target: [sales.tenantId, sales.deviceId, sales.localId] })
    .returning({ id: sales.id });
  if (inserted) return { id: inserted.id, inserted: true };
  const [existing] = await tx
    .select({ id: sales.id })
    .from(sales)
    .where(
      and(eq(sales.tenantId, origin.tenantId), eq(sales.deviceId, origin.deviceId), eq(sales.localId, sale.localId)),
    );
  if (!existing) throw new Error('sale conflict without an existing row');
  return { id: existing.id, inserted: false };
}
