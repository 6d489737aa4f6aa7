import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Product, ProductInput } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { products } from '../db/schema.js';

export type UpsertOutcome = { status: 'created' | 'updated'; id: string } | { status: 'foreign' };

/**
 * Creates or edits a product of this tenant at change number `changeSeq`.
 * An id that belongs to another tenant is left alone and reported as `foreign`.
 */
export async function upsertProduct(
  tx: Executor,
  tenantId: string,
  input: ProductInput,
  changeSeq: number,
): Promise<UpsertOutcome> {
  const [existing] = await tx
    .select({ tenantId: products.tenantId })
    .from(products)
    .where(eq(products.id, input.id))
    .for('update');
  const fields = {
    name: input.name,
    price: input.price,
    barcode: input.barcode ?? null,
    category: input.category ?? null,
    isActive: input.isActive ?? true,
    changeSeq,
  };
  if (!existing) {
    await tx.insert(products).values({ id: input.id, tenantId, ...fields });
    return { status: 'created', id: input.id };
  }
  if (existing.tenantId !== tenantId) return { status: 'foreign' };
  await tx
    .update(products)
    .set({ ...fields, syncVersion: sql`${products.syncVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(products.id, input.id));
  return { status: 'updated', id: input.id };
}

/** Products of a tenant changed after `afterSeq`, in commit order. */
export async function listProductChanges(
  db: Executor,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<(Product & { changeSeq: number })[]> {
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.tenantId, tenantId), gt(products.changeSeq, afterSeq)))
    .orderBy(asc(products.changeSeq))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    price: row.price,
    barcode: row.barcode,
    category: row.category,
    isActive: row.isActive,
    syncVersion: row.syncVersion,
    lastModified: row.updatedAt.toISOString(),
    changeSeq: row.changeSeq,
  }));
}
