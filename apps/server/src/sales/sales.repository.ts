import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Sale } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
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
  batch: readonly { sale: Sale; seal: SaleSeal; userId: string }[],
): Promise<Map<string, StoredSale>> {
  const stored = new Map<string, StoredSale>();
  if (batch.length === 0) return stored;
  // One array parameter per column (UNNEST): the statement's size and the work to
  // build it do not grow with the number of sales, unlike a multi-row VALUES list.
  const column = <T>(pick: (entry: (typeof batch)[number]) => T) => sql.param(batch.map(pick));
  const rows = await queryRows<{ id: string; local_id: string }>(
    tx,
    sql`
    INSERT INTO ${sales} (id, tenant_id, branch_id, device_id, user_id, local_id, total_amount, payment_method,
      tendered, change, items, tenders, vat, rounding, customer_id, shift_id, buyer, chain_seq, previous_hash, hash,
      signature, signature_key_id, created_at)
    SELECT id, ${origin.tenantId}::uuid, ${origin.branchId}::uuid, ${origin.deviceId}::uuid, user_id,
      local_id, total_amount, payment_method, tendered, change, items::jsonb, tenders::jsonb, vat, rounding,
      customer_id, shift_id, buyer::jsonb, chain_seq, previous_hash, hash, signature,
      ${batch[0]?.seal.signatureKeyId ?? ''}, created_at
    FROM unnest(
      ${column((e) => e.seal.id)}::uuid[], ${column((e) => e.userId)}::uuid[], ${column((e) => e.sale.localId)}::text[],
      ${column((e) => e.sale.totalAmount)}::int[], ${column((e) => e.sale.paymentMethod)}::text[],
      ${column((e) => e.sale.tendered)}::int[], ${column((e) => e.sale.change)}::int[],
      ${column((e) => JSON.stringify(e.sale.items))}::text[],
      ${column((e) => (e.sale.tenders ? JSON.stringify(e.sale.tenders) : null))}::text[],
      ${column((e) => e.sale.vat ?? null)}::int[], ${column((e) => e.sale.rounding ?? 0)}::int[],
      ${column((e) => e.sale.customerId ?? null)}::uuid[], ${column((e) => e.sale.shiftId ?? null)}::text[],
      ${column((e) => (e.sale.buyer ? JSON.stringify(e.sale.buyer) : null))}::text[],
      ${column((e) => e.sale.chain.seq)}::int[],
      ${column((e) => e.sale.chain.previousHash)}::text[], ${column((e) => e.sale.chain.hash)}::text[],
      ${column((e) => e.seal.signature)}::text[], ${column((e) => e.sale.createdAt)}::timestamptz[]
    ) AS s(id, user_id, local_id, total_amount, payment_method, tendered, change, items, tenders, vat, rounding,
      customer_id, shift_id, buyer, chain_seq, previous_hash, hash, signature, created_at)
    ON CONFLICT (tenant_id, device_id, local_id) DO NOTHING
    RETURNING id, local_id`,
  );
  const inserted = rows.map((row) => ({ id: row.id, localId: row.local_id }));
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

/** RX2: one more reprint of a sale's receipt; nothing when the sale has not arrived. */
export async function countReprint(tx: Executor, tenantId: string, sale: { deviceId: string; localId: string }) {
  await tx
    .update(sales)
    .set({ reprints: sql`${sales.reprints} + 1` })
    .where(and(eq(sales.tenantId, tenantId), eq(sales.deviceId, sale.deviceId), eq(sales.localId, sale.localId)));
}

/** Marks sales refused for want of stock (SPEC ST3): kept, but they moved nothing. */
export async function markSalesRefused(tx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(sales)
    .set({ status: 'refused' })
    .where(inArray(sales.id, [...ids]));
}
