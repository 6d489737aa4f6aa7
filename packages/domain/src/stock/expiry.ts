import type { Batch } from './batches.js';

/**
 * Expiry and first-expiry-first-out order (SPEC BT2, BT3): the rules the till
 * applies on its first screen, kept apart from the batch schemas so the till
 * loads them without the schemas.
 */

/** True from the day after `expiresOn` (BT2). */
export function isExpired(batch: Pick<Batch, 'expiresOn'>, today: string): boolean {
  return batch.expiresOn !== null && batch.expiresOn < today;
}

/**
 * First-expiry-first-out order (BT3): earliest expiry first, no expiry last;
 * ties by lot then id, so every device and the server pick the same batch.
 */
export function compareFefo(a: Pick<Batch, 'expiresOn' | 'lot' | 'id'>, b: Pick<Batch, 'expiresOn' | 'lot' | 'id'>) {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  if (a.lot !== b.lot) return a.lot < b.lot ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Units that may be sold today: those of batches not expired. */
export function sellableOnHand(batches: readonly Pick<Batch, 'expiresOn' | 'onHand'>[], today: string): number {
  return batches.reduce((sum, batch) => sum + (isExpired(batch, today) ? 0 : batch.onHand), 0);
}

/** Units on the shelf that may no longer be sold: to be written off (adjustment `expired`). */
export function expiredOnHand(batches: readonly Pick<Batch, 'expiresOn' | 'onHand'>[], today: string): number {
  return batches.reduce((sum, batch) => sum + (isExpired(batch, today) ? batch.onHand : 0), 0);
}

/**
 * BT2 at the till: whether `wanted` units of a product can only come from
 * batches expired today. `shown` is the product's figure on the device,
 * `expired` its units in expired batches. Nothing expired: the oversell policy
 * decides as before (ST3/ST4).
 */
export function onlyExpiredLeft(shown: number, expired: number, wanted: number): boolean {
  return expired > 0 && wanted > Math.max(shown - expired, 0);
}

/** South Africa keeps one time all year (UTC+2): the shop's calendar day is the same on every device and the server. */
const SAST_OFFSET_MS = 2 * 60 * 60 * 1000;

/** The shop's calendar date ('YYYY-MM-DD') at an instant: the `today` a sale made then is judged by (BT2). */
export function shopDateOf(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + SAST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before, when negative) an ISO date. */
export function addCalendarDays(date: string, days: number): string {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  const moved = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  moved.setUTCFullYear(year, month - 1, day + days);
  if (Number.isNaN(moved.getTime())) throw new RangeError(`not an ISO date: ${date}`);
  return moved.toISOString().slice(0, 10);
}
