import { db } from './database';

/** What still needs the server or a person before this phone may forget its data. */
export interface UnsyncedItems {
  /** Operations waiting to be sent (or resent). */
  pending: number;
  /** Operations the server refused for good: a person must decide about them. */
  rejected: number;
  /** STALE_EDIT conflicts waiting in the Conflicts inbox for a person's choice. */
  conflicts: number;
  /** Stock counts started here and not yet approved or cancelled: they live only on this phone (SC1). */
  openCounts: number;
}

export type SignOutResult = { signedOut: true } | { signedOut: false; unsynced: UnsyncedItems };

export function unsyncedTotal(items: UnsyncedItems): number {
  return items.pending + items.rejected + items.conflicts + items.openCounts;
}

/** Counts the unsynced items now (inside a transaction when called from one). */
export async function unsyncedItems(): Promise<UnsyncedItems> {
  const [pending, rejected, conflicts, openCounts] = await Promise.all([
    db.outbox.where('status').equals('pending').count(),
    db.outbox.where('status').equals('rejected').count(),
    db.conflicts.count(),
    db.stockCounts.where('status').equals('counting').count(),
  ]);
  return { pending, rejected, conflicts, openCounts };
}

/**
 * Signs this phone out: forgets the session and every local record (products,
 * sales, queue, cursor, cart, ...), so the next start shows the welcome screen.
 * The check that nothing is unsynced runs in the SAME transaction as the wipe,
 * over every table: a sale recorded (or an answer applied) after the screen
 * counted is seen here, and nothing can slip in between the check and the
 * clear (ARCHITECTURE "Sync" 1: refuse sign-out while anything is unsynced).
 * Refusing deletes nothing. The server keeps the device's record.
 */
export async function signOutDevice(): Promise<SignOutResult> {
  return db.transaction('rw', db.tables, async () => {
    const unsynced = await unsyncedItems();
    if (unsyncedTotal(unsynced) > 0) return { signedOut: false, unsynced };
    await clearLocalData();
    return { signedOut: true };
  });
}

/**
 * The wipe itself, shared by sign-out and a device the owner removed (removedDevice.ts):
 * every table, so nothing of the old session (token, sales, queue, cursor, cart,
 * roster, ...) survives. Call it inside a 'rw' transaction over `db.tables`, after the
 * caller's own check, so nothing can be written between the check and the clear.
 */
export async function clearLocalData(): Promise<void> {
  for (const table of db.tables) await table.clear();
}
