import type { SyncResponse } from '@opentill/domain';
import { db } from './database';
import { META_KEYS } from './meta';
import { takePulledProducts } from './products';
import { takePulledLevels } from './stock';
import { takePulledExceptions } from './stockExceptions';
import { takePulledCustomers } from './customerSync';
import { takePulledBatches } from './batches';

/**
 * What one pull page brings: products, and the branch's stock figures, exceptions and batches;
 * `stockReset` when the device now stands in another branch (BR3): its old branch's stock goes first.
 */
export type PulledPage = Pick<
  SyncResponse['serverChanges'],
  'products' | 'stock' | 'stockExceptions' | 'customers' | 'batches'
> & { stockReset?: boolean | undefined };

/**
 * Applies a pull page and stores the new cursor in ONE transaction, so a crash
 * never leaves the cursor ahead of the data it covers. The figures shown then
 * re-apply this phone's still-pending operations on top (`stockShownHere`).
 */
export async function applyPulledPage(page: PulledPage, cursor: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.products, db.outbox, db.meta, db.stock, db.stockExceptions, db.customers, db.batches],
    async () => {
      if (page.stockReset) await Promise.all([db.stock.clear(), db.stockExceptions.clear(), db.batches.clear()]);
      await takePulledProducts(page.products);
      await takePulledLevels(page.stock);
      await takePulledExceptions(page.stockExceptions);
      await takePulledCustomers(page.customers ?? []);
      await takePulledBatches(page.batches ?? []);
      await db.meta.put({ key: META_KEYS.cursor, value: cursor });
    },
  );
}

/**
 * Applies sync answers in order in ONE transaction, each as `apply` would alone (its page, then
 * its cursor), and stops at the first one `apply` refuses (the phone signed out meanwhile). After
 * each commit the screens' live queries read every product and figure again (20,000 of each in a
 * pharmacy), so a fresh phone's first pull, 100 pages and more, commits a run of pages at once
 * instead of one page at a time. Over every table: `apply` picks its own; one answer alone is
 * applied in that transaction only.
 */
export async function applyInOneTransaction<T>(
  answers: readonly T[],
  apply: (answer: T) => Promise<boolean>,
): Promise<boolean> {
  const [only] = answers;
  if (answers.length === 1 && only !== undefined) return apply(only);
  return db.transaction('rw', db.tables, async () => {
    for (const answer of answers) if (!(await apply(answer))) return false;
    return true;
  });
}
