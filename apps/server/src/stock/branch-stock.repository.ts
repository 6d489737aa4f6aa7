import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { BranchStock } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { branches, stockBatches, stockLevels } from '../db/schema.js';

/**
 * The product's figure at every branch of the shop (0 where it never moved), oldest
 * branch first, each with its batches that have units left, earliest expiry first.
 */
export async function listBranchStock(tx: Executor, tenantId: string, productId: string): Promise<BranchStock[]> {
  const figures = await tx
    .select({
      branchId: branches.id,
      branchName: branches.name,
      onHand: sql<number>`coalesce(${stockLevels.onHand}, 0)`.mapWith(Number),
    })
    .from(branches)
    .leftJoin(stockLevels, and(eq(stockLevels.branchId, branches.id), eq(stockLevels.productId, productId)))
    .where(eq(branches.tenantId, tenantId))
    .orderBy(asc(branches.createdAt), asc(branches.id));
  const batches = await tx
    .select({
      branchId: stockBatches.branchId,
      lot: stockBatches.lot,
      expiresOn: stockBatches.expiresOn,
      onHand: stockBatches.onHand,
    })
    .from(stockBatches)
    .where(and(eq(stockBatches.tenantId, tenantId), eq(stockBatches.productId, productId), gt(stockBatches.onHand, 0)))
    .orderBy(sql`${stockBatches.expiresOn} asc nulls last`, asc(stockBatches.lot));
  return figures.map((figure) => ({
    ...figure,
    batches: batches
      .filter((batch) => batch.branchId === figure.branchId)
      .map(({ branchId: _branchId, ...batch }) => batch),
  }));
}
