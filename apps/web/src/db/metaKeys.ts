import type { Lane } from '@opentill/domain';

/** Keys of the `meta` table; one place so two modules never pick the same key. */
export const META_KEYS = {
  /** Database version 1's single sequence counter; version 2 replaces it with one per lane. */
  legacyNextSeq: 'nextSeq',
  /** The last sale's link in this device's hash chain ({ seq, hash }); absent before the first sale. */
  lastSaleLink: 'lastSaleLink',
  /** The opaque pull cursor from the last sync answer. */
  cursor: 'cursor',
  /** When the last sync answer was applied (ISO time). */
  lastSyncedAt: 'lastSyncedAt',
  /** The cart being rung up, so a reload or a crash does not lose it. */
  cart: 'cart',
  /** Sales the cashier parked to serve someone else (SPEC C8). */
  parkedSales: 'parkedSales',
  /** Who is working on this device now ({ userId, name, role }): every operation is stamped with it. */
  actingUser: 'actingUser',
  /** When the staff roster was last fetched (ISO time); absent: never on this device session. */
  rosterFetchedAt: 'rosterFetchedAt',
  /** Left by the wipe of a device the owner removed ({ businessName, removedAt }), for the welcome screen. */
  deviceRemoved: 'deviceRemoved',
  /** The newest security alert shown on this phone (an audit log seq); newer ones make the banner. */
  alertsSeenSeq: 'alertsSeenSeq',
  /** The shop's settings as the last sync answer said (SPEC SS2), so the till follows them offline. */
  shopSettings: 'shopSettings',
  /** RC1: this device's receipt prefix ("T3") as the server gave it. */
  receiptPrefix: 'receiptPrefix',
  /**
   * SPEC AL5: the stock alerts this phone has already raised a system notification for (their keys);
   * absent until the first check, which only takes note. Shop data: sign-out clears it.
   */
  notifiedStockAlerts: 'notifiedStockAlerts',
} as const;

/** The key of a lane's next outbox sequence number (starts at 1, no gaps). */
export function nextSeqKey(lane: Lane): string {
  return `nextSeq:${lane}`;
}
