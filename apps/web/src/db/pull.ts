import type { SyncResponse } from '@opentill/domain';
import { db } from './database';
import { META_KEYS } from './meta';
import { takePulledProducts } from './products';
import { takePulledLevels } from './stock';
import { takePulledExceptions } from './stockExceptions';
import { takePulledCustomers } from './customerSync';

/** What one pull page brings: products, and the branch's stock figures and exceptions. */
export type PulledPage = Pick<SyncResponse['serverChanges'], 'products' | 'stock' | 'stockExceptions' | 'customers'>;

/**
 * Applies a pull page and stores the new cursor in ONE transaction, so a crash
 * never leaves the cursor ahead of the data it covers. The figures shown then
 * re-apply this phone's still-pending operations on top (`stockShownHere`).
 */
export async function applyPulledPage(page: PulledPage, cursor: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.products, db.outbox, db.meta, db.stock, db.stockExceptions, db.customers],
    async () => {
      await takePulledProducts(page.products);
      await takePulledLevels(page.stock);
      await takePulledExceptions(page.stockExceptions);
      await takePulledCustomers(page.customers ?? []);
      await db.meta.put({ key: META_KEYS.cursor, value: cursor });
    },
  );
}
