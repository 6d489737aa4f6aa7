import type { Transaction } from 'dexie';
import {
  LANES,
  LANE_OF_TYPE,
  nextLink,
  saleContentSchema,
  type ChainLink,
  type Lane,
  type Session,
} from '@opentill/domain';
import { META_KEYS, nextSeqKey } from './metaKeys';

/** An outbox entry as database version 1 stored it: one seq for the device, no lane. */
interface VersionOneEntry {
  opId: string;
  seq: number;
  type: keyof typeof LANE_OF_TYPE;
  localId: string;
  data: Record<string, unknown>;
  status: 'pending' | 'rejected';
}

/**
 * Version 1 → 2 (outbox lanes and the sales hash chain). Keeps every queued
 * operation: each gets its type's lane; pending ones are renumbered 1, 2, 3 ... per
 * lane in their old seq order, and the per-lane counters continue from there. A
 * pending sale (made before the chain existed) is linked into the chain now, in
 * the same order, so it can still be sent; sales already synced stay unlinked.
 * Rejected operations are never sent again: they only get their lane.
 *
 * It must not throw on odd data (a failed upgrade leaves the till unable to
 * open): a sale that no longer parses is hashed as it is, and the server rejects it.
 */
export async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const outbox = tx.table('outbox');
  const sales = tx.table('sales');
  const meta = tx.table('meta');

  const entries = ((await outbox.toArray()) as VersionOneEntry[]).sort((a, b) => a.seq - b.seq);
  const next = Object.fromEntries(LANES.map((lane) => [lane, 1])) as Record<Lane, number>;
  let lastLink: ChainLink | null = null;

  for (const entry of entries) {
    const lane: Lane = LANE_OF_TYPE[entry.type] ?? 'medium';
    if (entry.status !== 'pending') {
      await outbox.put({ ...entry, lane });
      continue;
    }
    const seq = next[lane];
    next[lane] = seq + 1;
    let data = entry.data;
    if (entry.type === 'CREATE_SALE' && data.chain === undefined) {
      const parsed = saleContentSchema.safeParse(data);
      const content = parsed.success ? parsed.data : data;
      const chain = nextLink(content, lastLink);
      lastLink = chain;
      data = { ...content, chain };
      await sales.update(entry.localId, { chain });
    }
    await outbox.put({ ...entry, lane, seq, data });
  }

  for (const lane of LANES) await meta.put({ key: nextSeqKey(lane), value: next[lane] });
  await meta.delete(META_KEYS.legacyNextSeq);
  if (lastLink) await meta.put({ key: META_KEYS.lastSaleLink, value: { seq: lastLink.seq, hash: lastLink.hash } });
}

/**
 * Version 2 → 3 (stock). Products get the defaults of the new settings (not
 * tracked, the shop's oversell policy), and the pull cursor is dropped so the
 * next sync pulls everything again: an app without stock that already talked to
 * a server with stock advanced its cursor past figures and product settings it
 * could not keep. Queued operations are left exactly as they are.
 */
export async function upgradeToVersion3(tx: Transaction): Promise<void> {
  await tx
    .table('products')
    .toCollection()
    .modify((product: { trackStock?: boolean; oversellPolicy?: string | null }) => {
      product.trackStock ??= false;
      product.oversellPolicy ??= null;
    });
  await tx.table('meta').delete(META_KEYS.cursor);
}

/**
 * Version 3 → 4 (shared devices). Whoever signed this device in becomes the
 * acting user, so operations from now on are stamped with them until a cashier
 * switches by PIN. Queued operations are left exactly as they are.
 */
export async function upgradeToVersion4(tx: Transaction): Promise<void> {
  const session = (await tx.table('session').get('current')) as Pick<Session, 'user'> | undefined;
  const meta = tx.table('meta');
  if (session?.user && (await meta.get(META_KEYS.actingUser)) === undefined) {
    const { id, name, role } = session.user;
    // The shape of actingUser.ts's ActingUser (not imported: database.ts loads this module).
    await meta.put({ key: META_KEYS.actingUser, value: { userId: id, name, role } });
  }
}

/**
 * Version 4 → 5 (refresh tokens, SPEC ID17). A session from before has a long-lived token the
 * server no longer accepts and no refresh token to get another: it is marked ended, with empty
 * token fields, so the app asks someone to sign in again. Nothing else is touched: the queue
 * waits for that sign-in.
 */
export async function upgradeToVersion5(tx: Transaction): Promise<void> {
  const sessions = tx.table('session');
  const row = (await sessions.get('current')) as { refreshToken?: unknown; endedAt?: unknown } | undefined;
  if (!row || typeof row.refreshToken === 'string') return;
  await sessions.put({
    ...row,
    tokenExpiresAt: new Date(0).toISOString(),
    refreshToken: '',
    refreshNonce: '',
    endedAt: new Date().toISOString(),
  });
}

/**
 * Version 7 → 8 (the pharmacy's catalogue fields, SPEC CA). Existing products get an empty list of
 * extra barcodes (so every product has a value for the new multi-entry index to read) and the pull
 * cursor is dropped: an app from before these fields that already pulled from a server with them
 * (the server updates first; a phone's app when its service worker does) kept its products without
 * them, and only a full pull brings them. Queued operations are left exactly as they are.
 */
export async function upgradeToVersion8(tx: Transaction): Promise<void> {
  await tx
    .table('products')
    .toCollection()
    .modify((product: { alternateBarcodes?: string[] }) => {
      product.alternateBarcodes ??= [];
    });
  await tx.table('meta').delete(META_KEYS.cursor);
}
