/**
 * The web app's local database (IndexedDB through Dexie). The rest of the app
 * uses these functions and hooks, never Dexie itself (ARCH-4), so the schema,
 * its versions and the transaction boundaries live here only.
 */
export type { ConflictRow, LocalProduct, LocalSale, OutboxEntry, OperationError, SaleSyncState } from './database';
export { InvalidRecordError, isStorageFullError } from './errors';
export { getSession, saveSession } from './session';
export { signOutDevice, unsyncedItems, unsyncedTotal, type SignOutResult, type UnsyncedItems } from './signOut';
export { getCursor } from './meta';
export { recordSale, getSale, listRecentSales } from './sales';
export {
  listProducts,
  getProduct,
  saveProduct,
  deleteProduct,
  applyPulledProducts,
  type ProductEdit,
} from './products';
export { keepServerVersion, resendMyVersion } from './conflicts';
export {
  pendingOperations,
  unsyncedCount,
  rejectedOperations,
  syncOverview,
  applyAcknowledgments,
  recordFailedAttempt,
  dismissRejected,
  applySyncResult,
  type SyncOverview,
  type SyncResult,
} from './outbox';
export { loadCart, saveCart } from './cart';
export {
  useLiveSession,
  useLiveProducts,
  useLiveRejectedOperations,
  useLiveSyncOverview,
  watchUnsyncedCount,
  watchSession,
} from './live';
