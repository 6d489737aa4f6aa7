import { sql } from 'drizzle-orm';
import type { OversellPolicy, StockException, StockLevel } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { branches, products, stockBatches, stockExceptions, stockLedger, stockLevels, tenants } from '../db/schema.js';

export interface BranchRef {
  tenantId: string;
  branchId: string;
}

/** What decides a product's stock conflicts (ST3–ST5): unknown products count as untracked. */
export interface StockRule {
  tracked: boolean;
  policy: OversellPolicy;
}

/**
 * Read without a lock, before deciding whether a push must take the branch's
 * stock lock first: whether any of these products is tracked under `reject`
 * (ST3), and whether the branch keeps any of them in batches (BT1).
 */
export async function readStockFlags(
  db: Executor,
  branch: BranchRef,
  productIds: readonly string[],
): Promise<{ mayRefuse: boolean; hasBatches: boolean }> {
  const ids = sql.param(productIds);
  const [row] = await queryRows<{ may_refuse: boolean; has_batches: boolean }>(
    db,
    sql`
    SELECT EXISTS (
      SELECT 1 FROM ${products} p JOIN ${tenants} t ON t.id = p.tenant_id
      WHERE p.tenant_id = ${branch.tenantId}::uuid AND p.id = ANY(${ids}::uuid[]) AND p.track_stock
        AND coalesce(p.oversell_policy, t.oversell_policy) = 'reject'
    ) AS may_refuse,
    EXISTS (
      SELECT 1 FROM ${stockBatches} b WHERE b.branch_id = ${branch.branchId}::uuid AND b.product_id = ANY(${ids}::uuid[])
    ) AS has_batches`,
  );
  return { mayRefuse: row?.may_refuse ?? false, hasBatches: row?.has_batches ?? false };
}

/** The tracking and oversell policy of these products. */
export async function readStockRules(
  db: Executor,
  tenantId: string,
  productIds: readonly string[],
): Promise<Map<string, StockRule>> {
  const rows = await queryRows<{ id: string; track_stock: boolean; policy: string }>(
    db,
    sql`
    SELECT p.id, p.track_stock, coalesce(p.oversell_policy, t.oversell_policy) AS policy
    FROM ${products} p JOIN ${tenants} t ON t.id = p.tenant_id
    WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ANY(${sql.param(productIds)}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.id, { tracked: row.track_stock, policy: row.policy as OversellPolicy }]));
}

/**
 * Takes the branch's stock lock: its row, held to commit. Every writer of the
 * branch's figures and exceptions holds it first (SPEC ST2), so they never wait
 * on each other in a cycle and a figure read under it stays true to commit.
 * NO KEY UPDATE, the lock the counter's UPDATE takes: a push has already
 * inserted its sales, whose foreign key holds a KEY SHARE lock on this row, and
 * two pushes upgrading those to FOR UPDATE would deadlock each other.
 */
export async function lockBranchStock(tx: Executor, branchId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM ${branches} WHERE id = ${branchId}::uuid FOR NO KEY UPDATE`);
}

/** The branch's figures for these products; a product with no figure yet is absent (0). */
export async function readLevels(
  tx: Executor,
  branchId: string,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await queryRows<{ product_id: string; on_hand: number }>(
    tx,
    sql`SELECT product_id, on_hand FROM ${stockLevels}
        WHERE branch_id = ${branchId}::uuid AND product_id = ANY(${sql.param(productIds)}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.product_id, row.on_hand]));
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
  /** The batch moved; null for units kept without a batch (BT10). */
  batchId: string | null;
  delta: number;
  kind: 'sale' | 'refund' | 'receipt' | 'adjustment' | 'transfer_out' | 'transfer_in';
  reason: string | null;
  saleId: string | null;
  opId: string | null;
  /** Who moved it: the operation's actor (null for the server's own, e.g. the demo's opening stock). */
  userId: string | null;
  note: string | null;
}

/** Appends ledger entries in one statement (UNNEST). */
export async function insertLedgerEntries(
  tx: Executor,
  origin: BranchRef & { deviceId: string | null },
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(pick: (entry: LedgerEntry) => T) => sql.param(entries.map(pick));
  await tx.execute(sql`
    INSERT INTO ${stockLedger} (tenant_id, branch_id, device_id, user_id, product_id, batch_id, delta, kind, reason,
      sale_id, op_id, note)
    SELECT ${origin.tenantId}::uuid, ${origin.branchId}::uuid, ${origin.deviceId}::uuid, user_id,
      product_id, batch_id, delta, kind, reason, sale_id, op_id, note
    FROM unnest(
      ${column((e) => e.productId)}::uuid[], ${column((e) => e.batchId)}::uuid[], ${column((e) => e.delta)}::int[],
      ${column((e) => e.kind)}::text[], ${column((e) => e.reason)}::text[], ${column((e) => e.saleId)}::uuid[],
      ${column((e) => e.opId)}::uuid[], ${column((e) => e.userId)}::uuid[], ${column((e) => e.note)}::text[]
    ) AS l(product_id, batch_id, delta, kind, reason, sale_id, op_id, user_id, note)`);
}

/**
 * Adds each product's net movement to its figure (created at zero if missing),
 * numbered from the branch's counter, in one statement that takes the branch's
 * stock lock if the transaction does not hold it yet (ST6). Returns the figures
 * now below their floor (zero, or the units refunds put back after the push's
 * sales), with whether their product is tracked: the only ones a push can have
 * fallen short on (ST4).
 */
export async function moveLevels(
  tx: Executor,
  branch: BranchRef,
  moves: readonly { productId: string; delta: number }[],
  floors: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, { onHand: number; tracked: boolean }>> {
  if (moves.length === 0) return new Map();
  const rows = await queryRows<{ product_id: string; on_hand: number; tracked: boolean }>(
    tx,
    sql`
    WITH counter AS (
      UPDATE ${branches} SET stock_counter = stock_counter + ${moves.length} WHERE id = ${branch.branchId}::uuid
      RETURNING stock_counter - ${moves.length} AS base
    ), moved AS (
      INSERT INTO ${stockLevels} AS s (tenant_id, branch_id, product_id, on_hand, change_seq)
      SELECT ${branch.tenantId}::uuid, ${branch.branchId}::uuid, m.product_id, m.delta, counter.base + m.place
      FROM counter, unnest(${sql.param(moves.map((move) => move.productId))}::uuid[],
        ${sql.param(moves.map((move) => move.delta))}::int[]) WITH ORDINALITY AS m(product_id, delta, place)
      ON CONFLICT (branch_id, product_id) DO UPDATE SET on_hand = s.on_hand + excluded.on_hand,
        change_seq = excluded.change_seq
      RETURNING s.product_id, s.on_hand
    )
    SELECT m.product_id, m.on_hand, coalesce(p.track_stock, false) AS tracked
    FROM moved m LEFT JOIN ${products} p ON p.id = m.product_id AND p.tenant_id = ${branch.tenantId}::uuid
    LEFT JOIN unnest(${sql.param([...floors.keys()])}::uuid[], ${sql.param([...floors.values()])}::int[])
      AS f(product_id, floor) ON f.product_id = m.product_id
    WHERE m.on_hand < coalesce(f.floor, 0)`,
  );
  return new Map(rows.map((row) => [row.product_id, { onHand: row.on_hand, tracked: row.tracked }]));
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

/**
 * The branch's stock figures and exceptions changed after `afterSeq`, at most
 * `limit` of each, in change order: one query, each feed aggregated to JSON by
 * PostgreSQL (a page holds hundreds of figures; one value parses far faster
 * than hundreds of rows).
 */
export async function listBranchChanges(
  db: Executor,
  branchId: string,
  afterSeq: number,
  limit: number,
): Promise<{ levels: (StockLevel & { changeSeq: number })[]; exceptions: (StockException & { changeSeq: number })[] }> {
  const [row] = await queryRows<{
    levels: [string, number, number][];
    exceptions: {
      id: string;
      product_id: string;
      product_name: string | null;
      shortfall: number;
      sale_ids: string[];
      status: 'open' | 'resolved';
      resolution: 'adjusted' | 'accepted' | null;
      created_at: string;
      resolved_at: string | null;
      change_seq: number;
    }[];
  }>(
    db,
    sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_array(product_id, on_hand, change_seq) ORDER BY change_seq), '[]')
       FROM (SELECT product_id, on_hand, change_seq FROM ${stockLevels}
             WHERE branch_id = ${branchId}::uuid AND change_seq > ${afterSeq} ORDER BY change_seq LIMIT ${limit}) l
      ) AS levels,
      (SELECT coalesce(json_agg(e ORDER BY e.change_seq), '[]')
       FROM (SELECT x.id, x.product_id, p.name AS product_name, x.shortfall, x.sale_ids, x.status, x.resolution,
               x.created_at, x.resolved_at, x.change_seq
             FROM ${stockExceptions} x LEFT JOIN ${products} p ON p.id = x.product_id AND p.tenant_id = x.tenant_id
             WHERE x.branch_id = ${branchId}::uuid AND x.change_seq > ${afterSeq}
             ORDER BY x.change_seq LIMIT ${limit}) e
      ) AS exceptions`,
  );
  return {
    levels: (row?.levels ?? []).map(([productId, onHand, changeSeq]) => ({ productId, onHand, changeSeq })),
    exceptions: (row?.exceptions ?? []).map((exception) => ({
      id: exception.id,
      productId: exception.product_id,
      productName: exception.product_name ?? 'Unknown product',
      kind: 'OVERSELL',
      shortfall: exception.shortfall,
      saleIds: exception.sale_ids,
      status: exception.status,
      resolution: exception.resolution,
      createdAt: new Date(exception.created_at).toISOString(),
      resolvedAt: exception.resolved_at === null ? null : new Date(exception.resolved_at).toISOString(),
      changeSeq: exception.change_seq,
    })),
  };
}
