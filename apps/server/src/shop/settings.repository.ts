import { eq } from 'drizzle-orm';
import { shopSettingsOf, type ShopSettings } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { tenants } from '../db/schema.js';

/** The shop's settings, with defaults for any it never set (SS1). */
export async function readShopSettings(tx: Executor, tenantId: string): Promise<ShopSettings> {
  const [row] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  return shopSettingsOf(row?.settings);
}

/** Stores the shop's settings whole, locking its row so two owners' changes do not lose one another's. */
export async function writeShopSettings(
  tx: Executor,
  tenantId: string,
  change: (current: ShopSettings) => ShopSettings,
): Promise<{ before: ShopSettings; after: ShopSettings }> {
  const [row] = await tx
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for('update');
  const before = shopSettingsOf(row?.settings);
  const after = change(before);
  await tx.update(tenants).set({ settings: after }).where(eq(tenants.id, tenantId));
  return { before, after };
}
