import type { LocalProduct } from '../db';

/**
 * The sale screen's search over the catalogue, built once per catalogue change
 * so a keystroke costs one substring test per product: with 20,000 products on
 * a slow phone, lower-casing every field on every keystroke does not fit in a frame.
 */
export interface ProductSearch {
  /** Active products, in the catalogue's order (by name). */
  active: readonly LocalProduct[];
  /** Per active product: name, barcode and category, lower-cased, one per line. */
  haystacks: readonly string[];
}

/** The last catalogue's search: the sale screen remounts after every payment, the catalogue rarely changes. */
let built: { products: readonly LocalProduct[]; search: ProductSearch } | null = null;

export function buildProductSearch(products: readonly LocalProduct[]): ProductSearch {
  if (built?.products === products) return built.search;
  const active = products.filter((product) => product.isActive);
  const haystacks = active.map((product) =>
    [product.name, product.barcode ?? '', product.category ?? ''].join('\n').toLocaleLowerCase(),
  );
  built = { products, search: { active, haystacks } };
  return built.search;
}

/**
 * Products to show on the sell grid: active ones whose name, barcode or category
 * contains the query, ignoring case. A scanned barcode that matches exactly
 * comes first, so a keyboard-wedge scan puts the product under the thumb.
 */
export function searchProducts({ active, haystacks }: ProductSearch, query: string): readonly LocalProduct[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '' || needle.includes('\n')) return active;
  const matches: LocalProduct[] = [];
  let exact: LocalProduct | undefined;
  for (let index = 0; index < active.length; index++) {
    if (!haystacks[index]?.includes(needle)) continue;
    const product = active[index] as LocalProduct;
    if (!exact && product.barcode?.toLocaleLowerCase() === needle) exact = product;
    else matches.push(product);
  }
  return exact ? [exact, ...matches] : matches;
}
