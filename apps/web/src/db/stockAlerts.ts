import { db } from './database';
import { META_KEYS } from './metaKeys';

/** What `decide` returns: the keys to remember from now on, and what the caller gets back. */
export interface NotifiedDecision<T> {
  remember: readonly string[];
  result: T;
}

/**
 * SPEC AL5: reads the stock alerts already notified on this phone (null: none noted yet), lets
 * `decide` (pure) say what to remember, and writes it, in ONE transaction, so two tabs (each
 * watching the alerts) never both take the same crossing.
 */
export async function takeNotifiedStockAlerts<T>(
  decide: (notified: readonly string[] | null) => NotifiedDecision<T>,
): Promise<T> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_KEYS.notifiedStockAlerts);
    const notified = Array.isArray(row?.value)
      ? (row.value as unknown[]).filter((key): key is string => typeof key === 'string')
      : null;
    const { remember, result } = decide(notified);
    await db.meta.put({ key: META_KEYS.notifiedStockAlerts, value: [...remember] });
    return result;
  });
}
