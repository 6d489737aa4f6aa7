import { MAX_PARKED, cartLineSchema, cartSchema, parkedSaleSchema, type Cart, type ParkedSale } from '@opentill/domain';
import { db } from './database';
import { META_KEYS } from './meta';

/** The cart as stored; before cart line ids (database version 5 and earlier) it was a bare array of sale lines. */
function storedCart(value: unknown): { lines: unknown[]; customerId?: unknown } {
  if (Array.isArray(value)) return { lines: value };
  if (typeof value === 'object' && value !== null && 'lines' in value && Array.isArray(value.lines)) {
    return value as { lines: unknown[]; customerId?: unknown };
  }
  return { lines: [] };
}

/**
 * The cart is kept on disk as the cashier rings it up, so a reload, a crash or a
 * flat battery does not lose a half-rung sale. recordSale empties it in the same
 * transaction that records the sale, so a sold cart can never be sold again.
 * IndexedDB is a boundary too: a line that no longer validates is dropped.
 */
export async function loadCart(): Promise<Cart> {
  const stored = storedCart((await db.meta.get(META_KEYS.cart))?.value);
  const lines = stored.lines.flatMap((line, index) => {
    const parsed = cartLineSchema.safeParse({ lineId: `line-${index}`, ...(line as object) });
    return parsed.success ? [parsed.data] : [];
  });
  const customer = cartSchema.shape.customerId.safeParse(stored.customerId);
  return customer.success && customer.data ? { lines, customerId: customer.data } : { lines };
}

export async function saveCart(cart: Cart): Promise<void> {
  if (cart.lines.length === 0 && !cart.customerId) await db.meta.delete(META_KEYS.cart);
  else await db.meta.put({ key: META_KEYS.cart, value: cart });
}

/** Sales put aside (SPEC C8), kept on disk like the cart. */
export async function loadParkedSales(): Promise<ParkedSale[]> {
  const row = await db.meta.get(META_KEYS.parkedSales);
  const rows: unknown[] = Array.isArray(row?.value) ? row.value : [];
  return rows
    .flatMap((ticket) => {
      const parsed = parkedSaleSchema.safeParse(ticket);
      return parsed.success ? [parsed.data] : [];
    })
    .slice(0, MAX_PARKED);
}

/**
 * Keeps the cart and the parked sales in ONE transaction: parking or resuming
 * moves a sale between them, and a crash between two writes would leave it in
 * both or in neither.
 */
export async function saveCartAndParked(cart: Cart, parked: readonly ParkedSale[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await saveCart(cart);
    if (parked.length === 0) await db.meta.delete(META_KEYS.parkedSales);
    else await db.meta.put({ key: META_KEYS.parkedSales, value: parked });
  });
}
