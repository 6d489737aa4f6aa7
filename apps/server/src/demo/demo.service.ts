import { randomUUID } from 'node:crypto';
import { ean13CheckDigit, normalizeZaPhone } from '@opentill/domain';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { insertShop } from '../auth/auth.repository.js';
import { hashPin } from '../auth/pin.js';
import { makePinVerifier } from '../auth/pin-verifier.js';
import { upsertProduct } from '../catalog/catalog.repository.js';
import { takeChangeSeq } from '../sync/sync.repository.js';
import { receiveOpeningStock } from '../stock/stock.service.js';
import { countTenants } from './demo.repository.js';
import { writeShopSettings } from '../shop/settings.repository.js';
import { DEMO_PRODUCTS, DEMO_RECEIPT_DETAILS, DEMO_SHOP } from './demo-catalog.js';

export function demoBarcode(index: number): string {
  const first12 = `600${String(9_000_000 + index).padStart(9, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}

/**
 * Creates the demo shop when the database holds no shop at all. Returns whether
 * it did, so the start-up message can show the demo sign-in.
 */
export async function createDemoShopIfEmpty(db: Db): Promise<boolean> {
  if ((await db.asSystem((tx) => countTenants(tx))) > 0) return false;
  const phone = normalizeZaPhone(DEMO_SHOP.phone);
  if (!phone) throw new Error('demo phone is invalid');
  const [pinHash, pinVerifier] = await Promise.all([hashPin(DEMO_SHOP.pin), makePinVerifier(DEMO_SHOP.pin)]);
  const tenantId = randomUUID();
  const created = db.withTenant(tenantId, async (tx) => {
    const shop = await insertShop(tx, { ...DEMO_SHOP, tenantId, phone, pinHash, pinVerifier });
    const receipts = [];
    for (const [index, [name, price, category, onHand]] of DEMO_PRODUCTS.entries()) {
      const trackStock = onHand !== null;
      const product = { id: randomUUID(), name, price, category, barcode: demoBarcode(index), trackStock };
      await upsertProduct(tx, shop.tenantId, product, () => takeChangeSeq(tx, shop.tenantId));
      if (onHand !== null) receipts.push({ productId: product.id, quantity: onHand });
    }
    await receiveOpeningStock(tx, shop, receipts);
    await writeShopSettings(tx, shop.tenantId, (settings) => ({ ...settings, ...DEMO_RECEIPT_DETAILS }));
  });
  // Another instance starting on the same empty database may have won the race.
  return created.then(
    () => true,
    (error: unknown) => {
      if (isUniqueViolation(error)) return false;
      throw error;
    },
  );
}
