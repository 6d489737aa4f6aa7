/**
 * The web app's local database (IndexedDB through Dexie). The rest of the app
 * uses these functions and hooks, never Dexie itself (ARCH-4), so the schema,
 * its versions and the transaction boundaries live here only.
 */
export type { LocalProduct, LocalSale, OutboxEntry, OperationError, SaleSyncState } from './database';
export { InvalidRecordError } from './errors';
export { getSession, saveSession } from './session';
export { getCursor } from './meta';
export { recordSale, getSale, listRecentSales } from './sales';
export { listProducts, saveProduct, applyPulledProducts } from './products';
export {
  pendingOperations,
  unsyncedCount,
  rejectedOperations,
  applyAcknowledgments,
  recordFailedAttempt,
  applySyncResult,
  type SyncResult,
} from './outbox';
export { loadCart, saveCart } from './cart';
export { useLiveSession, useLiveProducts, useLiveRejectedOperations, watchUnsyncedCount } from './live';
