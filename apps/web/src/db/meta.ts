import { Dexie } from 'dexie';
import {
  LANES,
  legacyDevicePrefix,
  shopSettingsOf,
  type ChainLink,
  type Lane,
  type ShopSettings,
} from '@opentill/domain';
import { db } from './database';
import { META_KEYS, nextSeqKey } from './metaKeys';

export { META_KEYS, nextSeqKey };

function requireTransaction(what: string): void {
  if (!Dexie.currentTransaction) throw new Error(`${what} must run inside a transaction`);
}

/**
 * Takes the lane's next sequence number and bumps its counter. Call it only inside
 * a `rw` transaction that includes `meta` and writes the outbox entry: if that
 * transaction aborts, the bump rolls back too, so sequence numbers have no gaps.
 */
export async function takeNextSeq(lane: Lane): Promise<number> {
  requireTransaction('takeNextSeq');
  const key = nextSeqKey(lane);
  const row = await db.meta.get(key);
  const seq = typeof row?.value === 'number' ? row.value : 1;
  await db.meta.put({ key, value: seq + 1 });
  return seq;
}

/** Resets every lane to seq 1 and starts a new sale chain (a new device id). */
export async function resetSequences(): Promise<void> {
  requireTransaction('resetSequences');
  for (const lane of LANES) await db.meta.put({ key: nextSeqKey(lane), value: 1 });
  await db.meta.delete(META_KEYS.legacyNextSeq);
  await db.meta.delete(META_KEYS.lastSaleLink);
}

/** The last link of this device's sale chain, or null before its first sale. */
export async function getLastSaleLink(): Promise<Pick<ChainLink, 'seq' | 'hash'> | null> {
  const row = await db.meta.get(META_KEYS.lastSaleLink);
  if (row === undefined) return null;
  const value = row.value as Partial<ChainLink> | null;
  if (typeof value?.seq !== 'number' || typeof value.hash !== 'string') {
    // Starting the chain again would break it on the server: refuse instead.
    throw new Error('The stored sale chain link is unreadable.');
  }
  return { seq: value.seq, hash: value.hash };
}

export async function getCursor(): Promise<string | null> {
  const row = await db.meta.get(META_KEYS.cursor);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function getLastSyncedAt(): Promise<string | null> {
  const row = await db.meta.get(META_KEYS.lastSyncedAt);
  return typeof row?.value === 'string' ? row.value : null;
}

/** The newest security alert this phone has shown (0: none yet). */
export async function getAlertsSeenSeq(): Promise<number> {
  const row = await db.meta.get(META_KEYS.alertsSeenSeq);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Remembers alerts up to `seq` as seen; never moves back (two tabs may answer in any order). */
export async function markAlertsSeen(seq: number): Promise<void> {
  await db.transaction('rw', [db.meta], async () => {
    if (seq > (await getAlertsSeenSeq())) await db.meta.put({ key: META_KEYS.alertsSeenSeq, value: seq });
  });
}

/** The shop's settings as the last sync answer said; the defaults before any answer had them (SS1). */
export async function getShopSettings(): Promise<ShopSettings> {
  return shopSettingsOf((await db.meta.get(META_KEYS.shopSettings))?.value);
}

/**
 * RC1: the prefix of this device's receipt numbers: the server's ("T3"), or until
 * its first sync answer says, the legacy one from the device id.
 */
export async function getReceiptPrefix(): Promise<string | null> {
  const stored = (await db.meta.get(META_KEYS.receiptPrefix))?.value;
  if (typeof stored === 'string') return stored;
  const session = await db.session.get('current');
  return session ? legacyDevicePrefix(session.device.id) : null;
}

/** Keeps the settings the server just confirmed, so this phone follows them before its next sync. */
export async function saveShopSettings(settings: ShopSettings): Promise<void> {
  await db.meta.put({ key: META_KEYS.shopSettings, value: settings });
}
