import { shopDateOf, expiredOnHand, type PulledBatch } from '@opentill/domain';
import { db } from './database';
import { withPendingBatchMoves } from './pendingBatchMoves';

/** Takes a page of pulled batches. Runs inside the caller's transaction (`applyPulledPage`). */
export async function takePulledBatches(batches: readonly PulledBatch[]): Promise<void> {
  if (batches.length > 0) await db.batches.bulkPut([...batches]);
}

/**
 * BT2 on the phone, offline too: the units of each product in batches expired
 * today, by the shop's calendar. Only products with such units are in the map.
 */
export async function expiredUnitsToday(): Promise<Map<string, number>> {
  const today = shopDateOf(new Date());
  // Expiry is not indexed; batches with units are few beside the catalogue, so one pass is cheap.
  const batches = await withPendingBatchMoves(
    await db.batches.filter((batch) => batch.onHand > 0 && batch.expiresOn !== null).toArray(),
  );
  const byProduct = new Map<string, PulledBatch[]>();
  for (const batch of batches) byProduct.set(batch.productId, [...(byProduct.get(batch.productId) ?? []), batch]);
  const expired = new Map<string, number>();
  for (const [productId, held] of byProduct) {
    const units = expiredOnHand(held, today);
    if (units > 0) expired.set(productId, units);
  }
  return expired;
}

/**
 * The branch's batches still holding units, as last pulled with this phone's pending batch adjustments on
 * top: what the expiry alerts read (SPEC AL6). Batches with units are few beside the catalogue, so one pass
 * over the table is cheap.
 */
export async function batchesWithStock(): Promise<PulledBatch[]> {
  const held = await withPendingBatchMoves(await db.batches.filter((batch) => batch.onHand > 0).toArray());
  return held.filter((batch) => batch.onHand > 0);
}
