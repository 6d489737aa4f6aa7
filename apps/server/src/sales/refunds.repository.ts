import { sql } from 'drizzle-orm';
import type { Refund, SaleLine } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { refunds, sales } from '../db/schema.js';
import type { SaleOrigin } from './sales.repository.js';

export type RefundStatus = 'awaiting_sale' | 'applied' | 'exceeds_sale';

export interface StoredRefund {
  id: string;
  opId: string;
  /** Who made it (the operation's actor). */
  userId: string | null;
  refund: Refund;
}

/**
 * Stores a device's new refunds, all `awaiting_sale` until judged, in one
 * statement. UNIQUE(tenant_id, device_id, local_id) makes one that arrives again
 * a no-op: the answer holds only the refunds inserted now.
 */
export async function insertRefunds(
  tx: Executor,
  origin: SaleOrigin,
  batch: readonly { id: string; opId: string; userId: string | null; refund: Refund }[],
): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const column = <T>(pick: (entry: (typeof batch)[number]) => T) => sql.param(batch.map(pick));
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    INSERT INTO ${refunds} (id, tenant_id, branch_id, device_id, user_id, local_id, op_id, sale_device_id,
      sale_local_id, items, amount, method, tenders, kind, customer_id, shift_id, restock, reason, status, created_at)
    SELECT id, ${origin.tenantId}::uuid, ${origin.branchId}::uuid, ${origin.deviceId}::uuid, user_id,
      local_id, op_id, sale_device_id, sale_local_id, items::jsonb, amount, method, tenders::jsonb, kind, customer_id,
      shift_id, restock, reason, 'awaiting_sale', created_at
    FROM unnest(
      ${column((e) => e.id)}::uuid[], ${column((e) => e.userId)}::uuid[], ${column((e) => e.refund.localId)}::text[], ${column((e) => e.opId)}::uuid[],
      ${column((e) => e.refund.sale.deviceId)}::uuid[], ${column((e) => e.refund.sale.localId)}::text[],
      ${column((e) => JSON.stringify(e.refund.items))}::text[], ${column((e) => e.refund.amount)}::int[],
      ${column((e) => e.refund.method)}::text[],
      ${column((e) => (e.refund.tenders ? JSON.stringify(e.refund.tenders) : null))}::text[],
      ${column((e) => e.refund.kind ?? 'refund')}::text[],
      ${column((e) => e.refund.customerId ?? null)}::uuid[], ${column((e) => e.refund.shiftId ?? null)}::text[],
      ${column((e) => e.refund.restock)}::boolean[],
      ${column((e) => e.refund.reason)}::text[], ${column((e) => e.refund.createdAt)}::timestamptz[]
    ) AS r(id, user_id, local_id, op_id, sale_device_id, sale_local_id, items, amount, method, tenders, kind,
      customer_id, shift_id, restock, reason, created_at)
    ON CONFLICT (tenant_id, device_id, local_id) DO NOTHING
    RETURNING id`,
  );
  return new Set(rows.map((row) => row.id));
}

/** The stored ids of these refunds of the device, by local id (refunds sent again under a new operation). */
export async function refundIdsByLocalId(
  tx: Executor,
  origin: SaleOrigin,
  localIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; local_id: string }>(
    tx,
    sql`SELECT id, local_id FROM ${refunds}
        WHERE tenant_id = ${origin.tenantId}::uuid AND device_id = ${origin.deviceId}::uuid
          AND local_id = ANY(${sql.param(localIds)}::text[])`,
  );
  return new Map(rows.map((row) => [row.local_id, row.id]));
}

/** The refunds still waiting for these sales of the device, oldest first. */
export async function refundsAwaiting(
  tx: Executor,
  tenantId: string,
  sale: { deviceId: string; localIds: readonly string[] },
): Promise<StoredRefund[]> {
  const rows = await queryRows<{
    id: string;
    op_id: string;
    user_id: string | null;
    local_id: string;
    sale_local_id: string;
    items: SaleLine[];
    amount: number;
    method: 'cash';
    restock: boolean;
    reason: string;
    created_at: Date | string;
  }>(
    tx,
    sql`SELECT id, op_id, user_id, local_id, sale_local_id, items, amount, method, restock, reason, created_at
        FROM ${refunds}
        WHERE tenant_id = ${tenantId}::uuid AND sale_device_id = ${sale.deviceId}::uuid
          AND sale_local_id = ANY(${sql.param(sale.localIds)}::text[]) AND status = 'awaiting_sale'
        ORDER BY received_at, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    opId: row.op_id,
    userId: row.user_id,
    refund: {
      localId: row.local_id,
      sale: { deviceId: sale.deviceId, localId: row.sale_local_id },
      items: row.items,
      amount: row.amount,
      method: row.method,
      restock: row.restock,
      reason: row.reason,
      createdAt: new Date(row.created_at).toISOString(),
    },
  }));
}

export interface RefundedSale {
  id: string;
  status: 'completed' | 'refused';
  items: SaleLine[];
  /** What the customer paid: the total less its cash rounding (RF6). */
  paid: number;
  /** The refunds of it already applied: their lines and the money they paid back. */
  refunded: { items: SaleLine[]; amount: number }[];
}

/** The sales these refunds name, by `deviceId|localId`, each with the refunds of it already applied. */
export async function salesToRefund(
  tx: Executor,
  tenantId: string,
  refs: readonly { deviceId: string; localId: string }[],
): Promise<Map<string, RefundedSale>> {
  const rows = await queryRows<{
    id: string;
    device_id: string;
    local_id: string;
    status: 'completed' | 'refused';
    items: SaleLine[];
    paid: number;
    refunded: { items: SaleLine[]; amount: number }[] | null;
  }>(
    tx,
    sql`SELECT s.id, s.device_id, s.local_id, s.status, s.items, s.total_amount - s.rounding AS paid,
          (SELECT json_agg(json_build_object('items', r.items, 'amount', r.amount)) FROM ${refunds} r
            WHERE r.sale_id = s.id AND r.status = 'applied') AS refunded
        FROM ${sales} s
        JOIN unnest(${sql.param(refs.map((ref) => ref.deviceId))}::uuid[],
          ${sql.param(refs.map((ref) => ref.localId))}::text[]) AS x(device_id, local_id)
          ON s.device_id = x.device_id AND s.local_id = x.local_id
        WHERE s.tenant_id = ${tenantId}::uuid`,
  );
  return new Map(
    rows.map((row) => [
      saleKey(row.device_id, row.local_id),
      {
        id: row.id,
        status: row.status,
        items: row.items,
        paid: row.paid,
        refunded: row.refunded ?? [],
      },
    ]),
  );
}

export const saleKey = (deviceId: string, localId: string) => `${deviceId}|${localId}`;

/** Records each judged refund's outcome in one statement. */
export async function recordRefundOutcomes(
  tx: Executor,
  outcomes: readonly { id: string; status: Exclude<RefundStatus, 'awaiting_sale'>; saleId: string }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await tx.execute(sql`
    UPDATE ${refunds} r SET status = o.status, sale_id = o.sale_id, settled_at = now()
    FROM unnest(${sql.param(outcomes.map((o) => o.id))}::uuid[], ${sql.param(outcomes.map((o) => o.status))}::text[],
      ${sql.param(outcomes.map((o) => o.saleId))}::uuid[]) AS o(id, status, sale_id)
    WHERE r.id = o.id`);
}
