import type { Batch } from './batches.js';
import { addCalendarDays, compareFefo, isExpired } from './expiry.js';
import { compareLowStock, lowStockAlerts, type LowStockProduct, type StockAlert } from './lowStock.js';

/**
 * Expiry alerts (SPEC AL6, BT4): the batches a device holds that expire soon or have expired
 * with units still on the shelf. Pure, with `today` passed in (the shop's calendar, BT1), so an
 * offline phone judges the same day as the server.
 */

/** How many days ahead an expiry alerts (AL7). One constant until it becomes a shop setting. */
export const EXPIRY_ALERT_DAYS = 30;

/** What the expiry alerts read of a batch: the device's pulled batches carry these fields. */
export type AlertBatch = Pick<Batch, 'id' | 'productId' | 'lot' | 'expiresOn' | 'onHand'>;

interface BatchAlertFields {
  productId: string;
  name: string;
  batchId: string;
  lot: string;
  /** Never null: goods without an expiry never alert. */
  expiresOn: string;
  onHand: number;
}

/** A sellable batch with units expiring on or before today + N days. */
export interface ExpiringAlert extends BatchAlertFields {
  kind: 'expiring';
  /** Days until `expiresOn`: 0 on the expiry day itself (still sellable, BT2). */
  daysLeft: number;
}

/** An expired batch still holding units: to be written off (adjustment reason `expired`). */
export interface ExpiredAlert extends BatchAlertFields {
  kind: 'expired';
}

export type ExpiryAlert = ExpiringAlert | ExpiredAlert;

/** What the expiry alerts read of a product: only its name and whether it is still sold. */
export type ExpiryAlertProduct = Pick<LowStockProduct, 'id' | 'name' | 'isActive' | 'deleted'>;

/**
 * Batches with stock that are still sellable but expire within `days` days
 * (on or before today + days), soonest first: the expiry alert (BT4). Here, not
 * beside the schemas or the till's rules, so only the alerts' chunk carries it.
 */
export function expiringWithin<B extends Pick<Batch, 'id' | 'lot' | 'expiresOn' | 'onHand'>>(
  batches: readonly B[],
  today: string,
  days: number,
): B[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const last = addCalendarDays(today, days);
  return batches
    .filter((batch) => batch.onHand > 0 && !isExpired(batch, today) && batch.expiresOn !== null)
    .filter((batch) => (batch.expiresOn as string) <= last)
    .sort(compareFefo);
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (both read as UTC midnights, so no DST shift). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/**
 * AL6: an `expired` alert per batch with units past its expiry, an `expiring` alert per sellable
 * batch with units expiring within `days` days (BT4's `expiringWithin`). Only batches of active,
 * non-deleted products the device knows: a product no longer sold is not on the shelf to act on.
 */
export function expiryAlerts(
  products: readonly ExpiryAlertProduct[],
  batches: readonly AlertBatch[],
  today: string,
  days: number = EXPIRY_ALERT_DAYS,
): ExpiryAlert[] {
  const held = new Set<string>();
  for (const batch of batches) if (batch.onHand > 0 && batch.expiresOn !== null) held.add(batch.productId);
  // Names only of products with batches in hand: the catalogue is 20,000 rows, the batches few.
  const names = new Map<string, string>();
  for (const product of products) {
    if (held.has(product.id) && product.isActive && product.deleted !== true) names.set(product.id, product.name);
  }
  const alerts: ExpiryAlert[] = [];
  const fieldsOf = (batch: AlertBatch, name: string, expiresOn: string): BatchAlertFields => ({
    productId: batch.productId,
    name,
    batchId: batch.id,
    lot: batch.lot,
    expiresOn,
    onHand: batch.onHand,
  });
  const sold = batches.filter((batch) => names.has(batch.productId));
  for (const batch of sold) {
    const name = names.get(batch.productId);
    if (name === undefined || batch.expiresOn === null || batch.onHand <= 0 || !isExpired(batch, today)) continue;
    alerts.push({ kind: 'expired', ...fieldsOf(batch, name, batch.expiresOn) });
  }
  for (const batch of expiringWithin(sold, today, days)) {
    const name = names.get(batch.productId);
    if (name === undefined || batch.expiresOn === null) continue;
    alerts.push({
      kind: 'expiring',
      ...fieldsOf(batch, name, batch.expiresOn),
      daysLeft: daysBetween(today, batch.expiresOn),
    });
  }
  return alerts.sort(compareStockAlerts);
}

/**
 * AL8's order, worst first: expired stock still on the shelf (it must not be sold: a patient's
 * safety and the law), then out of stock (sales lost now), then expiring soonest (sell first or
 * return in time), then low stock (order soon).
 */
const RANK = { expired: 0, out: 1, expiring: 2, low: 3 } as const;

function rankOf(alert: StockAlert): number {
  return alert.kind === 'low_stock' ? RANK[alert.severity] : RANK[alert.kind];
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** Expiry alerts of one rank: earliest expiry first, then by name, lot and batch id, alike on every device. */
function compareExpiry(a: ExpiryAlert, b: ExpiryAlert): number {
  if (a.expiresOn !== b.expiresOn) return a.expiresOn < b.expiresOn ? -1 : 1;
  const named = byName.compare(a.name, b.name);
  if (named !== 0) return named;
  if (a.lot !== b.lot) return a.lot < b.lot ? -1 : 1;
  return a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0;
}

/** AL8's order over every kind; low-stock alerts among themselves keep AL3's. */
export function compareStockAlerts(a: StockAlert, b: StockAlert): number {
  const ranked = rankOf(a) - rankOf(b);
  if (ranked !== 0) return ranked;
  if (a.kind === 'low_stock' && b.kind === 'low_stock') return compareLowStock(a, b);
  if (a.kind !== 'low_stock' && b.kind !== 'low_stock') return compareExpiry(a, b);
  return 0; // Unreached: one rank is one family.
}

/** Every alert a device shows (AL1–AL3, AL6), in AL8's order: low stock by product, expiry by batch. */
export function stockAlerts(
  products: readonly LowStockProduct[],
  onHandByProduct: ReadonlyMap<string, number>,
  batches: readonly AlertBatch[],
  today: string,
  days: number = EXPIRY_ALERT_DAYS,
): StockAlert[] {
  return [...lowStockAlerts(products, onHandByProduct), ...expiryAlerts(products, batches, today, days)].sort(
    compareStockAlerts,
  );
}
