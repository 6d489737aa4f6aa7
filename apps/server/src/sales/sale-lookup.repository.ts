import { sql, type SQL } from 'drizzle-orm';
import {
  receiptNumber,
  type FoundRefund,
  type FoundSale,
  type ReceiptQuery,
  type Refund,
  type SaleContent,
} from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';

interface SaleRow extends Record<string, unknown> {
  id: string;
  device_id: string;
  local_id: string;
  items: SaleContent['items'];
  total_amount: number;
  payment_method: SaleContent['paymentMethod'];
  tendered: number;
  change: number;
  tenders: SaleContent['tenders'] | null;
  vat: number | null;
  rounding: number;
  customer_id: string | null;
  shift_id: string | null;
  buyer: SaleContent['buyer'] | null;
  chain_seq: number | null;
  receipt_prefix: string;
  cashier: string | null;
  created_at: Date | string;
}

interface RefundRow extends Record<string, unknown> {
  sale_id: string;
  device_id: string;
  local_id: string;
  items: Refund['items'];
  amount: number;
  method: Refund['method'];
  tenders: Refund['tenders'] | null;
  kind: NonNullable<Refund['kind']>;
}

/** At most this many sales answer one typed number (only legacy hex prefixes can collide). */
const MAX_MATCHES = 5;

/**
 * Which sales a receipt names: by code exactly; by number through the device's
 * prefix (RC1) and the chain seq, or a legacy number through its id's first digits.
 */
function matching(query: ReceiptQuery): SQL {
  if (query.kind === 'code') return sql`s.device_id = ${query.deviceId}::uuid AND s.local_id = ${query.localId}`;
  const device = query.prefix.startsWith('T')
    ? sql`d.receipt_prefix = ${query.prefix}`
    : sql`upper(left(replace(s.device_id::text, '-', ''), 6)) = ${query.prefix}`;
  return sql`s.chain_seq = ${query.seq} AND ${device}`;
}

/**
 * RC3: the shop's completed sales the receipt names, each with the refunds
 * applied to it (a refund beyond its sale, RF3, moved nothing and is left out).
 */
export async function findSalesByReceipt(tx: Executor, tenantId: string, query: ReceiptQuery): Promise<FoundSale[]> {
  const sales = await queryRows<SaleRow>(
    tx,
    sql`SELECT s.id, s.device_id, s.local_id, s.items, s.total_amount, s.payment_method, s.tendered, s.change,
          s.tenders, s.vat, s.rounding, s.customer_id, s.shift_id, s.buyer, s.chain_seq, s.created_at,
          d.receipt_prefix, u.name AS cashier
        FROM sales s JOIN devices d ON d.id = s.device_id LEFT JOIN users u ON u.id = s.user_id
        WHERE s.tenant_id = ${tenantId}::uuid AND s.status = 'completed' AND ${matching(query)}
        ORDER BY s.created_at DESC LIMIT ${MAX_MATCHES}`,
  );
  if (sales.length === 0) return [];
  const refunds = await queryRows<RefundRow>(
    tx,
    sql`SELECT sale_id, device_id, local_id, items, amount, method, tenders, kind FROM refunds
        WHERE tenant_id = ${tenantId}::uuid AND status = 'applied'
          AND sale_id = ANY(${sql.param(sales.map((sale) => sale.id))}::uuid[])
        ORDER BY received_at, id`,
  );
  return sales.map((row) => ({
    deviceId: row.device_id,
    receiptNumber: row.chain_seq === null ? null : receiptNumber(row.receipt_prefix, row.chain_seq),
    cashier: row.cashier,
    sale: saleContentOf(row),
    refunds: refunds.filter((refund) => refund.sale_id === row.id).map(foundRefundOf),
  }));
}

function saleContentOf(row: SaleRow): SaleContent {
  return {
    localId: row.local_id,
    items: row.items,
    totalAmount: row.total_amount,
    paymentMethod: row.payment_method,
    tendered: row.tendered,
    change: row.change,
    ...(row.tenders && { tenders: row.tenders }),
    ...(row.vat !== null && { vat: row.vat }),
    rounding: row.rounding,
    ...(row.customer_id && { customerId: row.customer_id }),
    ...(row.shift_id && { shiftId: row.shift_id }),
    ...(row.buyer && { buyer: row.buyer }),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function foundRefundOf(row: RefundRow): FoundRefund {
  return {
    deviceId: row.device_id,
    localId: row.local_id,
    items: row.items,
    amount: row.amount,
    method: row.method,
    ...(row.tenders && { tenders: row.tenders }),
    kind: row.kind,
  };
}
