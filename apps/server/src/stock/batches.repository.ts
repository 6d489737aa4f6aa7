import { sql } from 'drizzle-orm';
import type { Allocation, Batch, PulledBatch } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import { branches, stockBatches, stockLedger } from '../db/schema.js';
import type { BranchRef } from './stock.repository.js';

/** Of these products, those the branch keeps in batches (BT1); read under the branch's stock lock. */
export async function batchedProducts(
  tx: Executor,
  branchId: string,
  productIds: readonly string[],
): Promise<Set<string>> {
  const rows = await queryRows<{ product_id: string }>(
    tx,
    sql`SELECT DISTINCT product_id FROM ${stockBatches}
        WHERE branch_id = ${branchId}::uuid AND product_id = ANY(${sql.param(productIds)}::uuid[])`,
  );
  return new Set(rows.map((row) => row.product_id));
}

/** The branch's batches of these products. Every writer of batches holds the branch's stock lock (ST2). */
export async function readBatches(tx: Executor, branchId: string, productIds: readonly string[]): Promise<Batch[]> {
  const rows = await queryRows<{
    id: string;
    product_id: string;
    lot: string;
    expires_on: string | null;
    on_hand: number;
  }>(
    tx,
    sql`SELECT id, product_id, lot, expires_on::text AS expires_on, on_hand FROM ${stockBatches}
        WHERE branch_id = ${branchId}::uuid AND product_id = ANY(${sql.param(productIds)}::uuid[])`,
  );
  return rows.map((row) => ({
    id: row.id,
    productId: row.product_id,
    branchId,
    lot: row.lot,
    expiresOn: row.expires_on,
    onHand: row.on_hand,
  }));
}

/** Creates batches at zero; their units arrive by `moveBatches`, which numbers them in the feed. */
export async function insertBatches(tx: Executor, branch: BranchRef, batches: readonly Batch[]): Promise<void> {
  if (batches.length === 0) return;
  const column = <T>(pick: (batch: Batch) => T) => sql.param(batches.map(pick));
  await tx.execute(sql`
    INSERT INTO ${stockBatches} (id, tenant_id, branch_id, product_id, lot, expires_on, on_hand, change_seq)
    SELECT id, ${branch.tenantId}::uuid, ${branch.branchId}::uuid, product_id, lot, expires_on, 0, 0
    FROM unnest(${column((b) => b.id)}::uuid[], ${column((b) => b.productId)}::uuid[], ${column((b) => b.lot)}::text[],
      ${column((b) => b.expiresOn)}::date[]) AS b(id, product_id, lot, expires_on)`);
}

/**
 * Adds each batch's net movement to its figure, numbered from the branch's
 * counter like the product figures (ST6). The CHECK on `on_hand` is the last
 * guard of BT10: the rules never take a batch below zero.
 */
export async function moveBatches(
  tx: Executor,
  branch: BranchRef,
  moves: readonly { batchId: string; delta: number }[],
): Promise<void> {
  if (moves.length === 0) return;
  await tx.execute(sql`
    WITH counter AS (
      UPDATE ${branches} SET stock_counter = stock_counter + ${moves.length} WHERE id = ${branch.branchId}::uuid
      RETURNING stock_counter - ${moves.length} AS base
    )
    UPDATE ${stockBatches} AS b SET on_hand = b.on_hand + m.delta, change_seq = counter.base + m.place
    FROM counter, unnest(${sql.param(moves.map((move) => move.batchId))}::uuid[],
      ${sql.param(moves.map((move) => move.delta))}::int[]) WITH ORDINALITY AS m(batch_id, delta, place)
    WHERE b.id = m.batch_id AND b.branch_id = ${branch.branchId}::uuid`);
}

/**
 * What each of these sales took from batches, net of what refunds of them put
 * back (BT7): per sale, its batches in the order taken (the ledger's order).
 */
export async function readSaleAllocations(
  tx: Executor,
  saleIds: readonly string[],
): Promise<Map<string, { taken: Allocation[]; returned: Allocation[] }>> {
  const rows = await queryRows<{ sale_id: string; batch_id: string; kind: string; units: number }>(
    tx,
    sql`SELECT sale_id, batch_id, kind, abs(sum(delta))::int AS units FROM ${stockLedger}
        WHERE sale_id = ANY(${sql.param(saleIds)}::uuid[]) AND batch_id IS NOT NULL AND kind IN ('sale', 'refund')
        GROUP BY sale_id, batch_id, kind ORDER BY sale_id, min(id)`,
  );
  const bySale = new Map<string, { taken: Allocation[]; returned: Allocation[] }>();
  for (const row of rows) {
    const moves = bySale.get(row.sale_id) ?? { taken: [], returned: [] };
    (row.kind === 'sale' ? moves.taken : moves.returned).push({ batchId: row.batch_id, quantity: row.units });
    bySale.set(row.sale_id, moves);
  }
  return bySale;
}

/** The branch's batches changed after `afterSeq`, at most `limit`, in change order (BT11). */
export async function listBatchChanges(
  db: Executor,
  branchId: string,
  afterSeq: number,
  limit: number,
): Promise<(PulledBatch & { changeSeq: number })[]> {
  const [row] = await queryRows<{ batches: [string, string, string, string | null, number, number][] }>(
    db,
    sql`SELECT coalesce(json_agg(json_build_array(id, product_id, lot, expires_on, on_hand, change_seq)
                 ORDER BY change_seq), '[]') AS batches
        FROM (SELECT id, product_id, lot, expires_on, on_hand, change_seq FROM ${stockBatches}
              WHERE branch_id = ${branchId}::uuid AND change_seq > ${afterSeq} ORDER BY change_seq LIMIT ${limit}) b`,
  );
  return (row?.batches ?? []).map(([id, productId, lot, expiresOn, onHand, changeSeq]) => ({
    id,
    productId,
    lot,
    expiresOn,
    onHand,
    changeSeq,
  }));
}
