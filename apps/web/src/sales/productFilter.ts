import type { LocalProduct } from '../db';

/**
 * Products to show on the sell grid: active ones whose name, barcode or category
 * contains the query, ignoring case. A scanned barcode that matches exactly
 * comes first, so a keyboard-wedge scan puts the product under the thumb.
 */
export function filterProducts(products: readonly LocalProduct[], query: string): LocalProduct[] {
  const active = products.filter((product) => product.isActive);
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return active;
  const matches = active.filter((product) =>
    [product.name, product.barcode, product.category].some((field) => field?.toLocaleLowerCase().includes(needle)),
  );
  const exact = matches.filter((product) => product.barcode?.toLocaleLowerCase() === needle);
  return exact.length > 0 ? [...exact, ...matches.filter((product) => !exact.includes(product))] : matches;
}
