import type { Product } from '../catalog/product.js';
import type { ExpiryAlert } from './expiryAlerts.js';

/**
 * Stock alerts (SPEC AL): which products need ordering, from the catalogue and the
 * figures a device shows. Pure: the phone passes its own figures (the server's with
 * its pending movements on top), so the alerts hold offline and follow every sale.
 *
 * The kinds of alert (AL6): `low_stock` by product, `expiring` and `expired` by batch
 * (`expiryAlerts.ts`). A union, so a screen that switches on `kind` gets a compile
 * error where it must learn a new one.
 */
export type StockAlertKind = 'low_stock' | 'expiring' | 'expired';

/** AL2: `out` at or below zero on hand, `low` above zero and at or below the reorder level. */
export type LowStockSeverity = 'out' | 'low';

/** AL1: a tracked, active product at or below its reorder level. */
export interface LowStockAlert {
  kind: 'low_stock';
  productId: string;
  name: string;
  /** The figure shown on this device (may be below zero: sold under `flag`, ST4). */
  onHand: number;
  reorderLevel: number;
  severity: LowStockSeverity;
}

/** Every alert a device shows (see `StockAlertKind`); `stockAlerts` lists them all in AL6's order. */
export type StockAlert = LowStockAlert | ExpiryAlert;

/** What `lowStockAlerts` reads of a product: the device's products carry these fields too. */
export type LowStockProduct = Pick<Product, 'id' | 'name' | 'isActive' | 'trackStock'> & {
  reorderLevel?: number | null;
  deleted?: boolean;
};

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * AL3's order: out of stock first, then the furthest below the reorder level (in units), then by
 * name (case-insensitive), then by id, so every device lists the same alerts the same way.
 */
export function compareLowStock(a: LowStockAlert, b: LowStockAlert): number {
  if (a.severity !== b.severity) return a.severity === 'out' ? -1 : 1;
  const below = b.reorderLevel - b.onHand - (a.reorderLevel - a.onHand);
  if (below !== 0) return below;
  const named = byName.compare(a.name, b.name);
  if (named !== 0) return named;
  return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;
}

/**
 * AL1–AL3: the products that need ordering, worst first. A product counts when it is active,
 * not deleted, stock-tracked and has a reorder level (null or absent: none); it is an alert when
 * its on-hand figure is at or below that level. A product with no figure has 0 on hand (ST1: the
 * sum of no movements).
 */
export function lowStockAlerts(
  products: readonly LowStockProduct[],
  onHandByProduct: ReadonlyMap<string, number>,
): LowStockAlert[] {
  const alerts: LowStockAlert[] = [];
  for (const product of products) {
    const level = product.reorderLevel;
    if (!product.isActive || !product.trackStock || product.deleted === true) continue;
    if (level === null || level === undefined) continue;
    const onHand = onHandByProduct.get(product.id) ?? 0;
    if (onHand > level) continue;
    alerts.push({
      kind: 'low_stock',
      productId: product.id,
      name: product.name,
      onHand,
      reorderLevel: level,
      severity: onHand <= 0 ? 'out' : 'low',
    });
  }
  return alerts.sort(compareLowStock);
}
