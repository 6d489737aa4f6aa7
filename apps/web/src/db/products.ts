import { cents, productInputSchema, type Product, type ProductInput } from '@opentill/domain';
import { db, type LocalProduct, type OutboxEntry } from './database';
import { META_KEYS, takeNextSeq } from './meta';
import { InvalidRecordError } from './errors';

/** All products, sorted by name (case-insensitive). */
export async function listProducts(): Promise<LocalProduct[]> {
  const products = await db.products.toArray();
  return products.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/**
 * Creates or edits a product here and queues an UPSERT_PRODUCT operation, in ONE
 * transaction, so the local table and the outbox never disagree.
 */
export async function saveProduct(input: ProductInput): Promise<LocalProduct> {
  const parsed = productInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const data = parsed.data;

  return db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
    const existing = await db.products.get(data.id);
    const product: LocalProduct = {
      id: data.id,
      name: data.name,
      price: cents(data.price),
      barcode: data.barcode ?? null,
      category: data.category ?? null,
      isActive: data.isActive ?? existing?.isActive ?? true,
      syncVersion: existing?.syncVersion ?? null,
      lastModified: new Date().toISOString(),
    };
    const seq = await takeNextSeq();
    const entry: OutboxEntry = {
      opId: crypto.randomUUID(),
      seq,
      type: 'UPSERT_PRODUCT',
      localId: data.id,
      data,
      status: 'pending',
      attempts: 0,
      createdAt: new Date().toISOString(),
    };
    await db.products.put(product);
    await db.outbox.add(entry);
    return product;
  });
}

/**
 * Applies a page of pulled products and stores the new cursor, in one
 * transaction, so a crash never leaves the cursor ahead of the data it covers.
 * A product with a local edit still queued keeps the local copy: the server's
 * answer to that edit will come on a later pull.
 */
export async function applyPulledProducts(products: readonly Product[], cursor: string): Promise<void> {
  await db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
    const queued = await db.outbox.where('status').equals('pending').toArray();
    const locallyEdited = new Set(queued.filter((op) => op.type === 'UPSERT_PRODUCT').map((op) => op.localId));
    for (const incoming of products) {
      if (locallyEdited.has(incoming.id)) continue;
      const existing = await db.products.get(incoming.id);
      // Pages arrive in commit order, but never step a product back to an older version.
      if (existing && existing.syncVersion !== null && existing.syncVersion > incoming.syncVersion) continue;
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
    await db.meta.put({ key: META_KEYS.cursor, value: cursor });
  });
}
