import { cents, productInputSchema, type Cents, type Product, type ProductInput } from '@opentill/domain';
import { db, type LocalProduct } from './database';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { checkedReceipt } from './stock';

/** One collator for every sort: `localeCompare` with options builds one per comparison (seconds for 20,000 names). */
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * All products, sorted by name (case-insensitive). Read in the name index's order (code points),
 * which the collator's order mostly agrees with: the sort (TimSort) then finds long sorted runs and
 * compares about once per product instead of some fifteen times (20,000 products on a slow phone).
 */
export async function listProducts(): Promise<LocalProduct[]> {
  const products = await db.products.orderBy('name').toArray();
  return products.sort((a, b) => byName.compare(a.name, b.name));
}

export async function getProduct(id: string): Promise<LocalProduct | undefined> {
  return db.products.get(id);
}

/**
 * The products a scanned or typed code names: as their own barcode or as one of their extra
 * barcodes (SPEC CA2), through the `barcode` and multi-entry `alternateBarcodes` indexes. Inactive
 * products are included (a receipt or a stock count may still name them): the till skips them.
 */
export async function findProductsByCode(code: string): Promise<LocalProduct[]> {
  const trimmed = code.trim();
  if (trimmed === '') return [];
  const [own, extra] = await Promise.all([
    db.products.where('barcode').equals(trimmed).toArray(),
    db.products.where('alternateBarcodes').equals(trimmed).toArray(),
  ]);
  const ids = new Set(own.map((product) => product.id));
  return [...own, ...extra.filter((product) => !ids.has(product.id))];
}

/** What a person may change: the product fields, never its version. */
export type ProductEdit = Omit<ProductInput, 'baseVersion'>;

/**
 * Creates or edits a product here and queues an UPSERT_PRODUCT operation, in ONE
 * transaction, so the local table and the outbox never disagree. An edit carries
 * `baseVersion` = the server version this device has of the product (read in the
 * same transaction); a product the server has never acknowledged has none. When
 * the server has moved on meanwhile, the edit comes back as a conflict (SY12).
 *
 * `openingStock`, for a new tracked product, queues a RECEIVE_STOCK of that many
 * units in the same transaction: the product is never saved without the stock
 * the person typed, nor the stock without the product.
 */
export async function saveProduct(edit: ProductEdit, options: { openingStock?: number } = {}): Promise<LocalProduct> {
  const parsed = productInputSchema.safeParse(edit);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const { baseVersion: _ignored, ...data } = parsed.data;
  const { openingStock } = options;
  const receipt = openingStock === undefined ? null : checkedReceipt({ productId: data.id, quantity: openingStock });
  if (receipt && !data.trackStock)
    throw new InvalidRecordError(['Opening stock needs a product whose stock is counted.']);

  return db.transaction('rw', [db.products, db.outbox, db.meta], async () => {
    const existing = await db.products.get(data.id);
    if (receipt && existing) throw new InvalidRecordError(['Opening stock is only for a new product.']);
    const product = await writeProductEdit(data, existing?.syncVersion ?? null, existing);
    if (receipt) await enqueueOperation({ type: 'RECEIVE_STOCK', localId: crypto.randomUUID(), data: receipt });
    return product;
  });
}

/** The settings an edit that leaves them out keeps from the product as it was. */
type KeptSettings = Pick<
  LocalProduct,
  | 'isActive'
  | 'trackStock'
  | 'oversellPolicy'
  | 'brandName'
  | 'alternateBarcodes'
  | 'cost'
  | 'requiresPrescription'
  | 'schedule'
  | 'reorderLevel'
  | 'branchPrice'
>;

/**
 * Writes the product and queues its UPSERT_PRODUCT on `syncVersion` (null: a new
 * product, no baseVersion). The operation always carries the stock settings and the
 * pharmacy fields (SPEC CA), so the server never has to guess them; an edit that
 * leaves one out keeps the product's. Runs inside the caller's transaction.
 */
export async function writeProductEdit(
  data: ProductEdit,
  syncVersion: number | null,
  kept?: KeptSettings,
): Promise<LocalProduct> {
  const product: LocalProduct = {
    id: data.id,
    name: data.name,
    price: cents(data.price),
    barcode: data.barcode ?? null,
    category: data.category ?? null,
    sku: data.sku ?? null,
    genericName: data.genericName ?? null,
    brandName: data.brandName === undefined ? (kept?.brandName ?? null) : data.brandName,
    // Kept extra barcodes lose one this edit made the product's own (CA2), as on the server.
    alternateBarcodes: (data.alternateBarcodes ?? kept?.alternateBarcodes ?? []).filter(
      (code) => code !== (data.barcode ?? null),
    ),
    cost: keptOr(data.cost, kept?.cost),
    requiresPrescription: data.requiresPrescription ?? kept?.requiresPrescription ?? false,
    schedule: data.schedule === undefined ? (kept?.schedule ?? null) : data.schedule,
    reorderLevel: data.reorderLevel === undefined ? (kept?.reorderLevel ?? null) : data.reorderLevel,
    taxClass: data.taxClass ?? 'standard',
    favourite: data.favourite ?? false,
    isActive: data.isActive ?? kept?.isActive ?? true,
    trackStock: data.trackStock ?? kept?.trackStock ?? false,
    oversellPolicy: data.oversellPolicy === undefined ? (kept?.oversellPolicy ?? null) : data.oversellPolicy,
    ...(kept?.branchPrice === undefined ? {} : { branchPrice: kept.branchPrice }),
    syncVersion,
    lastModified: new Date().toISOString(),
  };
  const input: ProductInput = {
    ...data,
    barcode: product.barcode,
    category: product.category,
    sku: product.sku ?? null,
    genericName: product.genericName ?? null,
    brandName: product.brandName ?? null,
    alternateBarcodes: product.alternateBarcodes ?? [],
    cost: product.cost ?? null,
    requiresPrescription: product.requiresPrescription ?? false,
    schedule: product.schedule ?? null,
    reorderLevel: product.reorderLevel ?? null,
    taxClass: product.taxClass ?? 'standard',
    favourite: product.favourite ?? false,
    isActive: product.isActive,
    trackStock: product.trackStock,
    oversellPolicy: product.oversellPolicy,
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

/** A cost as typed or pulled (`undefined`: left out, so `kept`), in `Cents`. */
function keptOr(cost: number | null | undefined, kept: Cents | null | undefined): Cents | null {
  if (cost === undefined) return kept ?? null;
  return cost === null ? null : cents(cost);
}

/** The server's copy as this phone keeps it. */
function localCopyOf(incoming: Product): LocalProduct {
  return {
    id: incoming.id,
    name: incoming.name,
    price: cents(incoming.price),
    barcode: incoming.barcode,
    category: incoming.category,
    sku: incoming.sku ?? null,
    genericName: incoming.genericName ?? null,
    brandName: incoming.brandName ?? null,
    alternateBarcodes: incoming.alternateBarcodes ?? [],
    cost: keptOr(incoming.cost, null),
    requiresPrescription: incoming.requiresPrescription ?? false,
    schedule: incoming.schedule ?? null,
    reorderLevel: incoming.reorderLevel ?? null,
    taxClass: incoming.taxClass ?? 'standard',
    favourite: incoming.favourite ?? false,
    isActive: incoming.isActive,
    trackStock: incoming.trackStock,
    oversellPolicy: incoming.oversellPolicy,
    ...(typeof incoming.branchPrice === 'number' ? { branchPrice: cents(incoming.branchPrice) } : {}),
    syncVersion: incoming.syncVersion,
    lastModified: incoming.lastModified,
  };
}

/**
 * Takes the server's copy of a product that came with a conflict (or drops it, for a tombstone): the
 * server's row when it answered the push, so never older than a copy pulled before. Runs inside the
 * caller's transaction.
 */
export async function takeServerProduct(incoming: Product): Promise<void> {
  await storeServerProducts([incoming]);
}

/** Stores server copies as they are, set-based: two writes for a whole page, not one per product. */
async function storeServerProducts(incoming: readonly Product[]): Promise<void> {
  await db.products.bulkDelete(incoming.filter((product) => product.deleted).map((product) => product.id));
  await db.products.bulkPut(incoming.filter((product) => !product.deleted).map(localCopyOf));
}

/**
 * Takes a page of pulled products. A tombstone (`deleted: true`) removes the
 * product. A product with a local edit or deletion still queued keeps the local
 * state: the push sorts it out (applied, or a conflict carrying the server's
 * version). Runs inside the caller's transaction (`applyPulledPage`).
 *
 * The page is taken as it is, with no look at the versions held: a page carries each product as the
 * server has it when it reads the page, after every answer this phone applied before (pages are applied
 * in order, and before the next push), so it is never older than the copy here; after a restore of the
 * server's database (SY5) it is the truth to go back to. Looking first cost a read per product,
 * a tenth of a fresh pharmacy phone's first pull.
 */
export async function takePulledProducts(products: readonly Product[]): Promise<void> {
  const locallyChanged = await productsWithPendingOps();
  await storeServerProducts(products.filter((product) => !locallyChanged.has(product.id)));
}
