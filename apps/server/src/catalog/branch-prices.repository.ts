import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { BranchPrice } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { branches, branchPrices, products } from '../db/schema.js';

const liveProduct = (tx: Executor, tenantId: string, productId: string) =>
  tx
    .select({ name: products.name, price: products.price })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.tenantId, tenantId), isNull(products.deletedAt)));

/** A product of the shop that is not deleted: its name and shop price; undefined when there is none. */
export async function findLiveProduct(
  tx: Executor,
  tenantId: string,
  productId: string,
): Promise<{ name: string; price: number } | undefined> {
  const [row] = await liveProduct(tx, tenantId, productId);
  return row;
}

/** The same, locked as a product edit locks it (product first, then the change counter). */
export async function lockLiveProduct(
  tx: Executor,
  tenantId: string,
  productId: string,
): Promise<{ name: string; price: number } | undefined> {
  const [row] = await liveProduct(tx, tenantId, productId).for('update');
  return row;
}

/** Every branch of the shop with its own price for the product, or null where it has none. */
export async function listBranchPrices(tx: Executor, tenantId: string, productId: string): Promise<BranchPrice[]> {
  return tx
    .select({ branchId: branches.id, branchName: branches.name, price: branchPrices.price })
    .from(branches)
    .leftJoin(branchPrices, and(eq(branchPrices.branchId, branches.id), eq(branchPrices.productId, productId)))
    .where(eq(branches.tenantId, tenantId))
    .orderBy(asc(branches.createdAt), asc(branches.id));
}

export async function upsertBranchPrice(
  tx: Executor,
  row: { tenantId: string; branchId: string; productId: string; price: number },
): Promise<void> {
  await tx
    .insert(branchPrices)
    .values(row)
    .onConflictDoUpdate({
      target: [branchPrices.branchId, branchPrices.productId],
      set: { price: row.price, updatedAt: sql`now()` },
    });
}

export async function deleteBranchPrice(tx: Executor, branchId: string, productId: string): Promise<void> {
  await tx.delete(branchPrices).where(and(eq(branchPrices.branchId, branchId), eq(branchPrices.productId, productId)));
}

/** Puts the product in the catalogue feed again (a new change number) so tills pull its new branch price. */
export async function touchProduct(tx: Executor, productId: string, changeSeq: number): Promise<void> {
  await tx.update(products).set({ changeSeq }).where(eq(products.id, productId));
}
