import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { MedicineSchedule, OversellPolicy, Product, ProductInput, TaxClass } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { branchPrices, products } from '../db/schema.js';

type ProductRow = typeof products.$inferSelect;

export type UpsertOutcome =
  { status: 'created' | 'updated'; id: string } | { status: 'stale'; server: Product } | { status: 'foreign' };

export type DeleteOutcome = { status: 'deleted' } | { status: 'foreign' };

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    price: row.price,
    barcode: row.barcode,
    alternateBarcodes: row.alternateBarcodes,
    category: row.category,
    sku: row.sku,
    genericName: row.genericName,
    brandName: row.brandName,
    cost: row.cost,
    requiresPrescription: row.requiresPrescription,
    schedule: row.schedule as MedicineSchedule | null,
    reorderLevel: row.reorderLevel,
    taxClass: row.taxClass as TaxClass,
    favourite: row.isFavourite,
    isActive: row.isActive,
    trackStock: row.trackStock,
    oversellPolicy: row.oversellPolicy as OversellPolicy | null,
    syncVersion: row.syncVersion,
    lastModified: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted: true } : {}),
  };
}

async function lockProduct(tx: Executor, id: string): Promise<ProductRow | undefined> {
  const [row] = await tx.select().from(products).where(eq(products.id, id)).for('update');
  return row;
}

/**
 * Creates or edits a product of this tenant at change number `changeSeq`. An
 * edit made on an older version than the server's (or on a deleted product) is
 * not applied: the server's version comes back as `stale` (SPEC SY12). An id that
 * belongs to another tenant is left alone and reported as `foreign`.
 */
export async function upsertProduct(
  tx: Executor,
  tenantId: string,
  input: ProductInput,
  changeSeq: () => Promise<number>,
): Promise<UpsertOutcome> {
  const existing = await lockProduct(tx, input.id);
  if (existing && existing.tenantId !== tenantId) return { status: 'foreign' };
  if (
    existing &&
    (existing.deletedAt || (input.baseVersion !== undefined && input.baseVersion !== existing.syncVersion))
  ) {
    return { status: 'stale', server: toProduct(existing) };
  }
  const fields = {
    name: input.name,
    price: input.price,
    barcode: input.barcode ?? null,
    category: input.category ?? null,
    isActive: input.isActive ?? true,
    // Absent means unchanged on an edit (a device from before the field), and off / the shop's policy /
    // standard-rated on a new product.
    sku: input.sku === undefined ? (existing?.sku ?? null) : input.sku,
    genericName: input.genericName === undefined ? (existing?.genericName ?? null) : input.genericName,
    // The pharmacy fields (SPEC CA) likewise: absent keeps them, and a new product has none.
    brandName: input.brandName === undefined ? (existing?.brandName ?? null) : input.brandName,
    // Kept extra barcodes lose one that an older device has just made the product's own (CA2).
    alternateBarcodes: (input.alternateBarcodes ?? existing?.alternateBarcodes ?? []).filter(
      (code) => code !== (input.barcode ?? null),
    ),
    cost: input.cost === undefined ? (existing?.cost ?? null) : input.cost,
    requiresPrescription: input.requiresPrescription ?? existing?.requiresPrescription ?? false,
    schedule: input.schedule === undefined ? (existing?.schedule ?? null) : input.schedule,
    reorderLevel: input.reorderLevel === undefined ? (existing?.reorderLevel ?? null) : input.reorderLevel,
    taxClass: input.taxClass ?? existing?.taxClass ?? 'standard',
    isFavourite: input.favourite ?? existing?.isFavourite ?? false,
    trackStock: input.trackStock ?? existing?.trackStock ?? false,
    oversellPolicy: input.oversellPolicy === undefined ? (existing?.oversellPolicy ?? null) : input.oversellPolicy,
    changeSeq: await changeSeq(),
  };
  if (!existing) {
    // Row-level security hides another tenant's product from the lock above; its id still conflicts here.
    const created = await tx
      .insert(products)
      .values({ id: input.id, tenantId, ...fields })
      .onConflictDoNothing({ target: products.id })
      .returning({ id: products.id });
    return created.length > 0 ? { status: 'created', id: input.id } : { status: 'foreign' };
  }
  await tx
    .update(products)
    .set({ ...fields, syncVersion: sql`${products.syncVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(products.id, input.id));
  return { status: 'updated', id: input.id };
}

/** Deletes a product, leaving a tombstone in the change feed (SY11). Deleting twice is deleting once. */
export async function deleteProduct(
  tx: Executor,
  tenantId: string,
  id: string,
  changeSeq: () => Promise<number>,
): Promise<DeleteOutcome> {
  const existing = await lockProduct(tx, id);
  if (existing && existing.tenantId !== tenantId) return { status: 'foreign' };
  if (!existing || existing.deletedAt) return { status: 'deleted' };
  await tx
    .update(products)
    .set({
      deletedAt: sql`now()`,
      isActive: false,
      syncVersion: sql`${products.syncVersion} + 1`,
      updatedAt: sql`now()`,
      changeSeq: await changeSeq(),
    })
    .where(eq(products.id, id));
  return { status: 'deleted' };
}

/**
 * Products of a tenant changed after `afterSeq` (tombstones included), in commit order, each with
 * `branchId`'s own price when it has one (BP2).
 */
export async function listProductChanges(
  db: Executor,
  tenantId: string,
  branchId: string,
  afterSeq: number,
  limit: number,
): Promise<(Product & { changeSeq: number })[]> {
  const rows = await db
    .select({ product: products, branchPrice: branchPrices.price })
    .from(products)
    .leftJoin(branchPrices, and(eq(branchPrices.productId, products.id), eq(branchPrices.branchId, branchId)))
    .where(and(eq(products.tenantId, tenantId), gt(products.changeSeq, afterSeq)))
    .orderBy(asc(products.changeSeq))
    .limit(limit);
  return rows.map(({ product, branchPrice }) => ({
    ...toProduct(product),
    ...(branchPrice === null ? {} : { branchPrice }),
    changeSeq: product.changeSeq,
  }));
}
