import { useEffect, useState, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import type { PulledBatch, Session, ShopSettings } from '@opentill/domain';
import { getActingUser, type ActingUser } from './actingUser';
import { getAlertsSeenSeq, getReceiptPrefix, getShopSettings } from './meta';
import type { OutboxEntry, StaffRow } from './database';
import { pinLockouts } from './pinAttempts';
import { getDeviceRemovedNotice, type DeviceRemovedNotice } from './removedDevice';
import { rejectedOperations, syncOverview, unsyncedCount, type SyncOverview } from './outbox';
import { getSession } from './session';
import { getSessionEnd, type SessionEnd } from './sessionTokens';
import { listRoster } from './staff';
import { stockShownHere } from './stock';
import { batchesWithStock, expiredUnitsToday } from './batches';
import { getOpenShift } from './shifts';
import { sharedLiveValue } from './sharedLiveValue';
import type { LocalShift } from './database';

/**
 * Subscribes a component to a Dexie live query: it re-renders whenever the
 * tables the query read change, in this tab or another. `query` must be stable
 * (defined at module level), hence the named hooks below. Undefined = loading.
 */
export function useLiveValue<T>(query: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(() => next),
      error: (error: unknown) => console.error('Live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, [query]);
  return value;
}

export function useLiveSession(): Session | null | undefined {
  return useLiveValue(getSession);
}

const stockShown = sharedLiveValue(stockShownHere);

/** The stock this phone shows per product (server figure with pending operations on top). */
export function useLiveStockShown(): Map<string, number> | undefined {
  return useSyncExternalStore(stockShown.subscribe, stockShown.current);
}

const expiredUnits = sharedLiveValue(expiredUnitsToday);

/** Units per product in batches expired today (BT2); the till keeps it subscribed while it sells. */
export function useLiveExpiredUnits(): Map<string, number> | undefined {
  return useSyncExternalStore(expiredUnits.subscribe, expiredUnits.current);
}

const heldBatches = sharedLiveValue(batchesWithStock);

/** The branch's batches with units (the expiry alerts, AL6): one read shared by the bell and the centre. */
export function useLiveBatchesWithStock(): PulledBatch[] | undefined {
  return useSyncExternalStore(heldBatches.subscribe, heldBatches.current);
}

/** The till's stock as last read, for the cart's checks inside a tap or scan (no await there). */
export function tillStockSnapshot(): { shown: Map<string, number>; expired: Map<string, number> } {
  return { shown: stockShown.current() ?? new Map(), expired: expiredUnits.current() ?? new Map() };
}

export function useLiveRejectedOperations(): OutboxEntry[] | undefined {
  return useLiveValue(rejectedOperations);
}

/** The newest security alert this phone has shown. */
export function useLiveAlertsSeenSeq(): number | undefined {
  return useLiveValue(getAlertsSeenSeq);
}

/** Who is working on this device now; null before a session. */
export function useLiveActingUser(): ActingUser | null | undefined {
  return useLiveValue(getActingUser);
}

/** Everyone who may switch in on this device, by name. */
export function useLiveRoster(): StaffRow[] | undefined {
  return useLiveValue(listRoster);
}

/** Why this phone is signed out, when the owner removed it from the shop; null otherwise. */
export function useLiveDeviceRemovedNotice(): DeviceRemovedNotice | null | undefined {
  return useLiveValue(getDeviceRemovedNotice);
}

/** Set while the session is over (a refresh was refused for good), with what still waits to be sent. */
export function useLiveSessionEnd(): SessionEnd | null | undefined {
  return useLiveValue(getSessionEnd);
}

function lockoutsNow(): Promise<Map<string, string>> {
  return pinLockouts();
}

/** Who is locked out on this device (user id → until when), as of the last change to the counts. */
export function useLivePinLockouts(): Map<string, string> | undefined {
  return useLiveValue(lockoutsNow);
}

/** Calls `onChange` with the number of pending operations now and after every change. */
export function watchUnsyncedCount(onChange: (count: number) => void): () => void {
  const subscription = liveQuery(unsyncedCount).subscribe({
    next: onChange,
    error: (error: unknown) => console.error('Unsynced count query failed', error),
  });
  return () => subscription.unsubscribe();
}

export function useLiveSyncOverview(): SyncOverview | undefined {
  return useLiveValue(syncOverview);
}

/** Calls `onChange` with the stored session now and after every change (sign-in, a new token). */
export function watchSession(onChange: (session: Session | null) => void): () => void {
  const subscription = liveQuery(getSession).subscribe({
    next: onChange,
    error: (error: unknown) => console.error('Session query failed', error),
  });
  return () => subscription.unsubscribe();
}

/** The shift open on this phone; null when none (SPEC SH1). */
export function useLiveOpenShift(): LocalShift | null | undefined {
  return useLiveValue(openShiftOrNull);
}

const openShiftOrNull = async () => (await getOpenShift()) ?? null;

/** The shop's settings the till follows (cash rounding), as the last sync answer said. */
export function useLiveShopSettings(): ShopSettings | undefined {
  return useLiveValue(getShopSettings);
}

/** RC1: this device's receipt prefix, for the numbers on its slips and in its sales list. */
export function useLiveReceiptPrefix(): string | null | undefined {
  return useLiveValue(getReceiptPrefix);
}
