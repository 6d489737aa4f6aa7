import { cents, productInputSchema, type Product, type ProductInput } from '@opentill/domain';
import { db, type LocalProduct } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { META_KEYS } from './meta';

/** All products, sorted by name (case-insensitive). */
export async function listProducts(): Promise<LocalProduct[]> {
  const products = await db.products.toArray();
  return products.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export async function getProduct(id: string): Promise<LocalProduct | undefined> {
  return db.products.get(id);
}

/** What a person may change: the product fields, never its version. */
export type ProductEdit = Omit<ProductInput, 'baseVersion'>;

/**
 * Creates or edits a product here and queues an UPSERT_PRODUCT operation, in ONE
 * transaction, so the local table and the outbox never disagree. An edit carries
 * `baseVersion` = the server version this device has of the product (read in the
 * same transaction); a product the server has never acknowledged has none. When
 * the server has moved on meanwhile, the edit comes back as a conflict (SY12).
 */
export async function saveProduct(edit: ProductEdit): Promise<LocalProduct> {
  const parsed = productInputSchema.safeParse(edit);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const { baseVersion: _ignored, ...data } = parsed.data;

  return db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
    const existing = await db.products.get(data.id);
    const syncVersion = existing?.syncVersion ?? null;
    return writeProductEdit(data, syncVersion, existing?.isActive);
  });
}

/**
 * Writes the product and queues its UPSERT_PRODUCT on `syncVersion` (null: a new
 * product, no baseVersion). Runs inside the caller's transaction.
 */
export async function writeProductEdit(
  data: ProductEdit,
  syncVersion: number | null,
  wasActive?: boolean,
): Promise<LocalProduct> {
  const product: LocalProduct = {
    id: data.id,
    name: data.name,
    price: cents(data.price),
    barcode: data.barcode ?? null,
    category: data.category ?? null,
    isActive: data.isActive ?? wasActive ?? true,
    syncVersion,
    lastModified: new Date().toISOString(),
  };
  const input: ProductInput = {
    ...data,
    barcode: product.barcode,
    category: product.category,
    isActive: product.isActive,
    ...(syncVersion === null ? {} : { baseVersion: syncVersion }),
  };
  await db.products.put(product);
  await enqueueOperation({ type: 'UPSERT_PRODUCT', localId: data.id, data: input });
  return product;
}

/** Deletes a product here and queues DELETE_PRODUCT, in ONE transaction. */
export async function deleteProduct(id: string): Promise<void> {
  await db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
    await db.products.delete(id);
    await enqueueOperation({ type: 'DELETE_PRODUCT', localId: id, data: { id } });
  });
}

/** Ids of products with a local edit or deletion still waiting to be sent. */
export async function productsWithPendingOps(): Promise<Set<string>> {
  const queued = await db.outbox.where('status').equals('pending').toArray();
  return new Set(
    queued.filter((op) => op.type === 'UPSERT_PRODUCT' || op.type === 'DELETE_PRODUCT').map((op) => op.localId),
  );
}

/**
 * Takes the server's copy of a product (or drops it, for a tombstone), unless
 * this device already holds a newer version. Runs inside the caller's transaction.
 */
export async function takeServerProduct(incoming: Product): Promise<void> {
  const existing = await db.products.get(incoming.id);
  // Pages arrive in commit order, but never step a product back to an older version.
  if (existing && existing.syncVersion !== null && existing.syncVersion > incoming.syncVersion) return;
  if (incoming.deleted) {
    await db.products.delete(incoming.id);
    return;
  }
  await db.products.put({
    id: incoming.id,
    name: incoming.name,
    price: cents(incoming.price),
    barcode: incoming.barcode,
    category: incoming.category,
    isActive: incoming.isActive,
    syncVersion: incoming.syncVersion,
    lastModified: incoming.lastModified,
  });
}

/**
 * Applies a page of pulled products and stores the new cursor, in one
 * transaction, so a crash never leaves the cursor ahead of the data it covers.
 * A tombstone (`deleted: true`) removes the product. A product with a local edit
 * or deletion still queued keeps the local state: the push sorts it out (applied,
 * or a conflict carrying the server's version).
 */
export async function applyPulledProducts(products: readonly Product[], cursor: string): Promise<void> {
  await db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
    const locallyChanged = await productsWithPendingOps();
    for (const incoming of products) {
      if (!locallyChanged.has(incoming.id)) await takeServerProduct(incoming);
    }
    await db.meta.put({ key: META_KEYS.cursor, value: cursor });
  });
}
