import { Dexie } from 'dexie';
import { db } from './database';

/** Keys of the `meta` table; one place so two modules never pick the same key. */
export const META_KEYS = {
  /** The next outbox sequence number for this device (starts at 1, no gaps). */
  nextSeq: 'nextSeq',
  /** The opaque pull cursor from the last sync answer. */
  cursor: 'cursor',
  /** The cart being rung up, so a reload or a crash does not lose it. */
  cart: 'cart',
} as const;

/**
 * Takes the next sequence number and bumps the counter. Call it only inside a
 * `rw` transaction that includes `meta` and writes the outbox entry: if that
 * transaction aborts, the bump rolls back too, so sequence numbers have no gaps.
 */
export async function takeNextSeq(): Promise<number> {
  if (!Dexie.currentTransaction) throw new Error('takeNextSeq must run inside a transaction');
  const row = await db.meta.get(META_KEYS.nextSeq);
  const seq = typeof row?.value === 'number' ? row.value : 1;
  await db.meta.put({ key: META_KEYS.nextSeq, value: seq + 1 });
  return seq;
}

export async function getCursor(): Promise<string | null> {
  const row = await db.meta.get(META_KEYS.cursor);
  return typeof row?.value === 'string' ? row.value : null;
}
