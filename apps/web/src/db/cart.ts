import { saleLineSchema, type SaleLine } from '@opentill/domain';
import { db } from './database';
import { META_KEYS } from './meta';

/**
 * The cart is kept on disk as the cashier rings it up, so a reload, a crash or a
 * flat battery does not lose a half-rung sale. recordSale empties it in the same
 * transaction that records the sale, so a sold cart can never be sold again.
 */
export async function loadCart(): Promise<SaleLine[]> {
  const row = await db.meta.get(META_KEYS.cart);
  if (!Array.isArray(row?.value)) return [];
  // IndexedDB is a boundary too: drop anything that no longer validates.
  return row.value.flatMap((line: unknown) => {
    const parsed = saleLineSchema.safeParse(line);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function saveCart(lines: readonly SaleLine[]): Promise<void> {
  if (lines.length === 0) await db.meta.delete(META_KEYS.cart);
  else await db.meta.put({ key: META_KEYS.cart, value: lines });
}
