/**
 * The web app's local database (IndexedDB through Dexie). The rest of the app
 * uses these functions and hooks, never Dexie itself (ARCH-4), so the schema,
 * its versions and the transaction boundaries live here only.
 */
import type { ProductImportOptions, ProductImportResult, ProductImportRow } from './productImport';
export type {
  ConflictRow,
  LocalProduct,
  LocalSale,
  LocalShift,
  LocalStockException,
  OutboxEntry,
  OperationError,
  SaleCashier,
  SaleSyncState,
  StaffRow,
} from './database';
export { getActingUser, type ActingUser } from './actingUser';
export { listRoster, getRosterEntry, replaceRoster } from './staff';
export {
  startPinAttempt,
  finishPinAttempt,
  pinLockouts,
  MAX_WRONG_PINS,
  PIN_LOCKOUT_MS,
  type PinGate,
  type PinVerdict,
} from './pinAttempts';
export { recordReprint } from './reprints';
export { InvalidRecordError, isStorageFullError } from './errors';
export { getSession, saveSession, type SessionKeeping } from './session';
// A moved till's branch (db/sessionBranch.ts) loads with Staff → Branches, not with the till.
export {
  getStoredTokens,
  saveRefreshedTokens,
  endStoredSession,
  getSessionEnd,
  type SessionEnd,
  type StoredTokens,
} from './sessionTokens';
export type { TokenClock } from './database';
export { signOutDevice, unsyncedItems, unsyncedTotal, type SignOutResult, type UnsyncedItems } from './signOut';
export {
  forgetRemovedDevice,
  getDeviceRemovedNotice,
  type DeviceRemovedNotice,
  type ForgetRemovedResult,
} from './removedDevice';
export { getAlertsSeenSeq, getCursor, getReceiptPrefix, markAlertsSeen, saveShopSettings } from './meta';
export { recordSale, getSale, listRecentSales } from './sales';
export { listProducts, getProduct, saveProduct, deleteProduct, type ProductEdit } from './products';
export type { ProductImportOptions, ProductImportResult, ProductImportRow } from './productImport';
/** CSV import's writer (SPEC CSV11), fetched when called: the first screen never carries it. */
export async function importProducts(
  rows: readonly ProductImportRow[],
  options?: ProductImportOptions,
): Promise<ProductImportResult> {
  const { importProducts: load } = await import('./productImport');
  return load(rows, options);
}
export { applyPulledPage, type PulledPage } from './pull';
export { countStock, type CountResult } from './stock';
// Deliveries and batch lists load with the Products screen (db/receiving.ts, db/batchList.ts), not with the till.
export { takeNotifiedStockAlerts, type NotifiedDecision } from './stockAlerts';
export type { InboxItem, OutOfStockConflict, RefundExceedsConflict, StaleEditConflict } from './inbox';
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
export { useCatalogue } from './catalogue';
export { ShiftError, closeShift, getOpenShift, openShift, recordCashMovement, reportOf } from './shifts';
export { loadCart, loadParkedSales, saveCart, saveCartAndParked } from './cart';
export {
  useLiveSession,
  useLiveStockShown,
  useLiveExpiredUnits,
  useLiveBatchesWithStock,
  tillStockSnapshot,
  useLiveRejectedOperations,
  useLiveSyncOverview,
  useLiveActingUser,
  useLiveOpenShift,
  useLiveShopSettings,
  useLiveReceiptPrefix,
  useLiveAlertsSeenSeq,
  useLiveRoster,
  useLivePinLockouts,
  useLiveDeviceRemovedNotice,
  useLiveSessionEnd,
  watchUnsyncedCount,
  watchSession,
} from './live';
