import { sql } from 'drizzle-orm';
import type { OversellPolicy, StockException, StockLevel, StockPosition } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { branches, products, stockExceptions, stockLedger, stockLevels, tenants } from '../db/schema.js';

export interface BranchRef {
  tenantId: string;
  branchId: string;
}

/**
 * Locks the branch's stock figures for these products and reads them with each
 * product's tracking and policy; figures that do not exist yet are created at
 * zero, then locked the same way. Existing rows are locked first and new ones
 * created after, each in product-id order, so two pushes never wait on each
 * other in a cycle. Creating only what is missing matters: an insert that meets
 * a row another push is changing waits for that push to end.
 */
export async function lockPositions(
  tx: Executor,
  branch: BranchRef,
  productIds: readonly string[],
): Promise<Map<string, StockPosition>> {
  const sorted = [...productIds].sort();
  const positions = await lockExisting(tx, branch, sorted);
  const missing = sorted.filter((id) => !positions.has(id));
  if (missing.length > 0) {
    await tx.execute(sql`
      INSERT INTO ${stockLevels} (tenant_id, branch_id, product_id)
      SELECT ${branch.tenantId}::uuid, ${branch.branchId}::uuid, product_id
      FROM unnest(${sql.param(missing)}::uuid[]) AS p(product_id)
      ON CONFLICT DO NOTHING`);
    for (const [id, position] of await lockExisting(tx, branch, missing)) positions.set(id, position);
  }
  return positions;
}

async function lockExisting(
  tx: Executor,
  { tenantId, branchId }: BranchRef,
  sortedIds: readonly string[],
): Promise<Map<string, StockPosition>> {
  const rows = await queryRows<{ product_id: string; on_hand: number; track_stock: boolean | null; policy: string }>(
    tx,
    sql`
    SELECT s.product_id, s.on_hand, p.track_stock, coalesce(p.oversell_policy, t.oversell_policy) AS policy
    FROM ${stockLevels} s
    JOIN ${tenants} t ON t.id = s.tenant_id
    LEFT JOIN ${products} p ON p.id = s.product_id AND p.tenant_id = s.tenant_id
    WHERE s.branch_id = ${branchId}::uuid AND s.tenant_id = ${tenantId}::uuid
      AND s.product_id = ANY(${sql.param(sortedIds)}::uuid[])
    ORDER BY s.product_id
    FOR UPDATE OF s`,
  );
  return new Map(
    rows.map((row) => [
      row.product_id,
      { onHand: row.on_hand, tracked: row.track_stock ?? false, policy: row.policy as OversellPolicy },
    ]),
  );
}

/**
 * Takes `count` consecutive numbers of the branch's stock counter and returns the
 * first. The row lock is held to commit (SPEC ST6, as SY4 for the catalogue).
 */
export async function takeStockSeqs(tx: Executor, branchId: string, count: number): Promise<number> {
  const [row] = await queryRows<{ last: number | string }>(
    tx,
    sql`UPDATE ${branches} SET stock_counter = stock_counter + ${count} WHERE id = ${branchId}::uuid
        RETURNING stock_counter AS last`,
  );
  if (!row) throw new Error(`branch ${branchId} not found`);
  return Number(row.last) - count + 1;
}

export interface LedgerEntry {
  productId: string;
  delta: number;
  kind: 'sale' | 'receipt' | 'adjustment';
  reason: string | null;
  saleId: string | null;
  opId: string | null;
  note: string | null;
}

/** Appends ledger entries in one statement (UNNEST). */
export async function insertLedgerEntries(
  tx: Executor,
  origin: BranchRef & { deviceId: string | null; userId: string | null },
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(pick: (entry: LedgerEntry) => T) => sql.param(entries.map(pick));
  await tx.execute(sql`
    INSERT INTO ${stockLedger} (tenant_id, branch_id, device_id, user_id, product_id, delta, kind, reason, sale_id,
      op_id, note)
    SELECT ${origin.tenantId}::uuid, ${origin.branchId}::uuid, ${origin.deviceId}::uuid, ${origin.userId}::uuid,
      product_id, delta, kind, reason, sale_id, op_id, note
    FROM unnest(
      ${column((e) => e.productId)}::uuid[], ${column((e) => e.delta)}::int[], ${column((e) => e.kind)}::text[],
      ${column((e) => e.reason)}::text[], ${column((e) => e.saleId)}::uuid[], ${column((e) => e.opId)}::uuid[],
      ${column((e) => e.note)}::text[]
    ) AS l(product_id, delta, kind, reason, sale_id, op_id, note)`);
}

/** Adds each product's net movement to its figure and stamps it with its change number, in one statement. */
export async function moveLevels(
  tx: Executor,
  branchId: string,
  moves: readonly { productId: string; delta: number; changeSeq: number }[],
): Promise<void> {
  if (moves.length === 0) return;
  const column = <T>(pick: (move: (typeof moves)[number]) => T) => sql.param(moves.map(pick));
  await tx.execute(sql`
    UPDATE ${stockLevels} s SET on_hand = s.on_hand + m.delta, change_seq = m.change_seq
    FROM unnest(${column((m) => m.productId)}::uuid[], ${column((m) => m.delta)}::int[],
      ${column((m) => m.changeSeq)}::bigint[]) AS m(product_id, delta, change_seq)
    WHERE s.branch_id = ${branchId}::uuid AND s.product_id = m.product_id`);
}

export interface Shortfall {
  productId: string;
  shortfall: number;
  saleIds: string[];
  changeSeq: number;
}

/** Opens an exception per product, or adds to the one already open (SPEC ST4). */
export async function raiseExceptions(tx: Executor, branch: BranchRef, shortfalls: readonly Shortfall[]) {
  if (shortfalls.length === 0) return;
  const column = <T>(pick: (entry: Shortfall) => T) => sql.param(shortfalls.map(pick));
  await tx.execute(sql`
    INSERT INTO ${stockExceptions} (tenant_id, branch_id, product_id, shortfall, sale_ids, change_seq)
    SELECT ${branch.tenantId}::uuid, ${branch.branchId}::uuid, product_id, shortfall,
      ARRAY(SELECT jsonb_array_elements_text(sale_ids::jsonb)::uuid), change_seq
    FROM unnest(${column((e) => e.productId)}::uuid[], ${column((e) => e.shortfall)}::int[],
      ${column((e) => JSON.stringify(e.saleIds))}::text[], ${column((e) => e.changeSeq)}::bigint[])
      AS e(product_id, shortfall, sale_ids, change_seq)
    ON CONFLICT (branch_id, product_id) WHERE status = 'open' DO UPDATE SET
      shortfall = ${stockExceptions}.shortfall + excluded.shortfall,
      sale_ids = ${stockExceptions}.sale_ids || excluded.sale_ids,
      change_seq = excluded.change_seq`);
}

export type ExceptionState = { productId: string; status: 'open' | 'resolved' } | undefined;

/** The exception at this branch, locked (an adjustment or a resolution is about to close it). */
export async function lockException(tx: Executor, branch: BranchRef, id: string): Promise<ExceptionState> {
  const [row] = await queryRows<{ product_id: string; status: 'open' | 'resolved' }>(
    tx,
    sql`SELECT product_id, status FROM ${stockExceptions}
        WHERE id = ${id}::uuid AND branch_id = ${branch.branchId}::uuid AND tenant_id = ${branch.tenantId}::uuid
        FOR UPDATE`,
  );
  return row && { productId: row.product_id, status: row.status };
}

export async function resolveException(
  tx: Executor,
  id: string,
  resolution: { how: 'adjusted' | 'accepted'; deviceId: string; changeSeq: number },
): Promise<void> {
  await tx.execute(sql`
    UPDATE ${stockExceptions} SET status = 'resolved', resolution = ${resolution.how}, resolved_at = now(),
      resolved_by_device = ${resolution.deviceId}::uuid, change_seq = ${resolution.changeSeq}
    WHERE id = ${id}::uuid AND status = 'open'`);
}

/** The branch's stock figures changed after `afterSeq`, in change order. */
export async function listStockChanges(
  db: Executor,
  branchId: string,
  afterSeq: number,
  limit: number,
): Promise<(StockLevel & { changeSeq: number })[]> {
  const rows = await queryRows<{ product_id: string; on_hand: number; change_seq: number | string }>(
    db,
    sql`SELECT product_id, on_hand, change_seq FROM ${stockLevels}
        WHERE branch_id = ${branchId}::uuid AND change_seq > ${afterSeq} ORDER BY change_seq LIMIT ${limit}`,
  );
  return rows.map((row) => ({ productId: row.product_id, onHand: row.on_hand, changeSeq: Number(row.change_seq) }));
}

/** The branch's stock exceptions raised or changed after `afterSeq`, in change order. */
export async function listExceptionChanges(
  db: Executor,
  branchId: string,
  afterSeq: number,
  limit: number,
): Promise<(StockException & { changeSeq: number })[]> {
  const rows = await queryRows<{
    id: string;
    product_id: string;
    product_name: string | null;
    shortfall: number;
    sale_ids: string[];
    status: 'open' | 'resolved';
    resolution: 'adjusted' | 'accepted' | null;
    created_at: Date | string;
    resolved_at: Date | string | null;
    change_seq: number | string;
  }>(
    db,
    sql`SELECT e.id, e.product_id, p.name AS product_name, e.shortfall, e.sale_ids, e.status, e.resolution,
          e.created_at, e.resolved_at, e.change_seq
        FROM ${stockExceptions} e LEFT JOIN ${products} p ON p.id = e.product_id AND p.tenant_id = e.tenant_id
        WHERE e.branch_id = ${branchId}::uuid AND e.change_seq > ${afterSeq} ORDER BY e.change_seq LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    productId: row.product_id,
    productName: row.product_name ?? 'Unknown product',
    kind: 'OVERSELL',
    shortfall: row.shortfall,
    saleIds: row.sale_ids,
    status: row.status,
    resolution: row.resolution,
    createdAt: new Date(row.created_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
    changeSeq: Number(row.change_seq),
  }));
}
