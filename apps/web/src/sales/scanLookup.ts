import { parseScaleBarcode, type AddOptions } from '@opentill/domain';
import type { LocalProduct } from '../db';

export interface ScanMatch {
  product: LocalProduct;
  /** A scale label's weight or price for this one item (SPEC B1). */
  options: Omit<AddOptions, 'lineId'>;
}

let built: { products: readonly LocalProduct[]; index: Map<string, LocalProduct> } | null = null;

/**
 * Active products by barcode, their own and their extra ones (SPEC CA2): a scan looks up
 * one key instead of walking 20,000 products. A product's own barcode wins over another's
 * extra one. Inactive products are left out (CA6). Kept for the last catalogue, as the
 * sale screen remounts after every payment.
 */
export function barcodeIndex(products: readonly LocalProduct[]): ReadonlyMap<string, LocalProduct> {
  if (built?.products === products) return built.index;
  const index = new Map<string, LocalProduct>();
  for (const product of products) if (product.isActive && product.barcode) index.set(product.barcode, product);
  for (const product of products) {
    if (!product.isActive || !product.alternateBarcodes) continue;
    for (const code of product.alternateBarcodes) if (!index.has(code)) index.set(code, product);
  }
  built = { products, index };
  return index;
}

/**
 * The product a scanned code rings up: a product's full barcode first, else a
 * scale label (prefixes 20–29) whose first seven digits are a product's barcode.
 */
export function productForCode(index: ReadonlyMap<string, LocalProduct>, code: string): ScanMatch | null {
  const trimmed = code.trim();
  const exact = index.get(trimmed);
  if (exact) return { product: exact, options: {} };
  const label = parseScaleBarcode(trimmed);
  const product = label && index.get(label.productCode);
  if (!label || !product) return null;
  return { product, options: label.kind === 'weight' ? { grams: label.grams } : { price: label.cents } };
}
