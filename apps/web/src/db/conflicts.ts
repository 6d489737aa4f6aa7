import { db } from './database';
import { writeProductEdit, type ProductEdit } from './products';

/** Clears a conflict from the inbox when nothing else has to change on this phone. */
export async function dismissConflict(opId: string): Promise<void> {
  await db.conflicts.delete(opId);
}

/** "Keep the shop's version": nothing to send; the product already shows the server's copy. */
export const keepServerVersion = dismissConflict;

/**
 * "Use my version": in ONE transaction, closes the conflict and sends the device's
 * fields again as an edit on the server's current version (baseVersion =
 * server.syncVersion), updating the product here. A product the shop deleted
 * cannot be edited back: the device's version comes back as a new product.
 */
export async function resendMyVersion(opId: string): Promise<void> {
  await db.transaction('rw', [db.conflicts, db.products, db.outbox, db.meta], async () => {
    const row = await db.conflicts.get(opId);
    if (row?.conflict.kind !== 'STALE_EDIT') return; // resolved already (another tab, a double tap)
    const { server, device } = row.conflict;
    await db.conflicts.delete(opId);
    const edit: ProductEdit = {
      id: server.deleted ? crypto.randomUUID() : server.id,
      name: device.name,
      price: device.price,
      barcode: device.barcode ?? null,
      category: device.category ?? null,
      // A field this phone's edit left out is the shop's, not wiped (SPEC V1, CA).
      sku: device.sku === undefined ? (server.sku ?? null) : device.sku,
      genericName: device.genericName === undefined ? (server.genericName ?? null) : device.genericName,
      taxClass: device.taxClass ?? server.taxClass ?? 'standard',
      favourite: device.favourite ?? server.favourite ?? false,
      brandName: device.brandName === undefined ? (server.brandName ?? null) : device.brandName,
      alternateBarcodes: device.alternateBarcodes ?? server.alternateBarcodes ?? [],
      cost: device.cost === undefined ? (server.cost ?? null) : device.cost,
      requiresPrescription: device.requiresPrescription ?? server.requiresPrescription ?? false,
      schedule: device.schedule === undefined ? (server.schedule ?? null) : device.schedule,
      reorderLevel: device.reorderLevel === undefined ? (server.reorderLevel ?? null) : device.reorderLevel,
      isActive: device.isActive ?? true,
      trackStock: device.trackStock ?? server.trackStock,
      oversellPolicy: device.oversellPolicy === undefined ? server.oversellPolicy : device.oversellPolicy,
    };
    await writeProductEdit(edit, server.deleted ? null : server.syncVersion);
  });
}

/**
 * "Dismiss" a sale the server refused for lack of stock (OUT_OF_STOCK): in ONE
 * transaction, closes the conflict and keeps the sale on this phone marked
 * `refused` (it is not on the server's books). Returns whether there was one.
 */
export async function dismissRefusedSale(opId: string): Promise<boolean> {
  return db.transaction('rw', [db.conflicts, db.sales], async () => {
    const row = await db.conflicts.get(opId);
    if (row?.conflict.kind !== 'OUT_OF_STOCK') return false;
    await db.conflicts.delete(opId);
    await db.sales.update(row.conflict.recordId, { syncState: 'refused' });
    return true;
  });
}
