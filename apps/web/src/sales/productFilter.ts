import type { LocalProduct } from '../db';

/**
 * The sale screen's search over the catalogue, built once per catalogue change
 * so a keystroke costs one substring test per product: with 20,000 products on
 * a slow phone, lower-casing every field on every keystroke does not fit in a frame.
 */
export interface ProductSearch {
  /** Active products, in the catalogue's order (by name). */
  active: readonly LocalProduct[];
  /** The categories of the active products, sorted: the grid's shelves. */
  categories: readonly string[];
  /** Whether any active product is a favourite (the Favourites shelf shows only then). */
  hasFavourites: boolean;
  /**
   * Per active product: name, barcode, category, stock code, generic name, brand name and extra
   * barcodes, lower-cased, one per line.
   */
  haystacks: readonly string[];
}

/** What a query found: the first `limit` products to show, best first, and how many match in all. */
export interface ProductMatches {
  shown: readonly LocalProduct[];
  total: number;
  /** The only match, when exactly one product matches (Enter rings it up). */
  only: LocalProduct | null;
}

/** The last catalogue's search: the sale screen remounts after every payment, the catalogue rarely changes. */
let built: { products: readonly LocalProduct[]; search: ProductSearch } | null = null;

export function buildProductSearch(products: readonly LocalProduct[]): ProductSearch {
  if (built?.products === products) return built.search;
  const active = products.filter((product) => product.isActive);
  const haystacks = active.map((product) =>
    [
      product.name,
      product.barcode ?? '',
      product.category ?? '',
      product.sku ?? '',
      product.genericName ?? '',
      product.brandName ?? '',
      ...(product.alternateBarcodes ?? []),
    ]
      .join('\n')
      .toLocaleLowerCase(),
  );
  const categories = [...new Set(active.flatMap((product) => (product.category ? [product.category] : [])))].sort(
    new Intl.Collator().compare,
  );
  const hasFavourites = active.some((product) => product.favourite);
  built = { products, search: { active, haystacks, categories, hasFavourites } };
  return built.search;
}

/** Which products the grid draws from: all, the shop's favourites, or one category. */
export type Shelf = { kind: 'all' } | { kind: 'favourites' } | { kind: 'category'; category: string };

export const ALL_SHELF: Shelf = { kind: 'all' };

function onShelf(shelf: Shelf): ((product: LocalProduct) => boolean) | null {
  if (shelf.kind === 'all') return null;
  if (shelf.kind === 'favourites') return (product) => product.favourite === true;
  return (product) => product.category === shelf.category;
}

/**
 * Products to show on the sell grid: active ones (CA6) on the chosen shelf whose name,
 * barcode, category, stock code or generic name (V1), brand name or extra barcode (CA1,
 * CA2) contains the query, ignoring case. A scanned barcode (its own or an extra one)
 * that matches exactly comes first, so a keyboard-wedge
 * scan puts the product under the thumb. Only the first `limit` are collected
 * (the grid shows no more), the rest only counted: a one-letter query matches half
 * the catalogue, and copying 10,000 products on every keystroke is garbage the
 * phone collects mid-typing.
 */
export function searchProducts(
  { active, haystacks }: ProductSearch,
  query: string,
  limit = Infinity,
  shelf: Shelf = ALL_SHELF,
): ProductMatches {
  const keep = onShelf(shelf);
  const needle = query.trim().toLocaleLowerCase();
  const anything = needle === '' || needle.includes('\n');
  if (anything && !keep) {
    return {
      shown: active.slice(0, limit),
      total: active.length,
      only: active.length === 1 ? (active[0] ?? null) : null,
    };
  }
  const shown: LocalProduct[] = [];
  let exact: LocalProduct | undefined;
  let total = 0;
  let last: LocalProduct | null = null;
  for (let index = 0; index < active.length; index++) {
    if (!anything && !haystacks[index]?.includes(needle)) continue;
    const product = active[index] as LocalProduct;
    if (keep && !keep(product)) continue;
    total++;
    last = product;
    if (!anything && !exact && isBarcodeOf(product, needle)) exact = product;
    else if (shown.length < limit) shown.push(product);
  }
  if (exact) {
    shown.unshift(exact);
    if (shown.length > limit) shown.pop();
  }
  return { shown, total, only: total === 1 ? last : null };
}

/** Whether `needle` (lower-cased) is the product's own barcode or one of its extra ones. */
function isBarcodeOf(product: LocalProduct, needle: string): boolean {
  if (product.barcode?.toLocaleLowerCase() === needle) return true;
  return product.alternateBarcodes?.some((code) => code.toLocaleLowerCase() === needle) ?? false;
}
