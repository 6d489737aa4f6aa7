import { Dexie, type EntityTable } from 'dexie';
import type {
  AccountPayment,
  CashCount,
  CashMovement,
  Cents,
  ChainLink,
  Conflict,
  Customer,
  MedicineSchedule,
  Operation,
  OversellPolicy,
  PulledBatch,
  Refund,
  RosterEntry,
  SaleContent,
  Session,
  StockCount,
  StockException,
  StockLevel,
  TaxClass,
} from '@opentill/domain';
import {
  upgradeToVersion2,
  upgradeToVersion3,
  upgradeToVersion4,
  upgradeToVersion5,
  upgradeToVersion8,
} from './upgrades';

/**
 * When to refresh the access token and when it stops working, in milliseconds on THIS phone's
 * clock: measured against the server's clock when the token came, so a phone whose clock is
 * wrong still refreshes on time.
 */
export interface TokenClock {
  refreshAtMs: number;
  expiresAtMs: number;
}

/**
 * The signed-in device's session; a single row under the key 'current'. Besides the server's
 * answer it keeps this phone's key pair (its private key cannot be read out, only used to sign
 * refreshes; absent where the browser has no ECDSA) and, once a refresh was refused for good,
 * when the session ended: sync stops, the queue stays, until someone signs in again (SPEC ID17).
 */
export interface SessionRow extends Session {
  key: 'current';
  savedAt: string;
  deviceKey?: CryptoKeyPair;
  tokenClock?: TokenClock;
  endedAt?: string;
}

/** A product as this device knows it: pulled from the server or created here. */
export interface LocalProduct {
  id: string;
  name: string;
  price: Cents;
  barcode: string | null;
  category: string | null;
  /** Absent on products stored before these fields (read as none and standard-rated). */
  sku?: string | null;
  genericName?: string | null;
  /**
   * The pharmacy fields (SPEC CA1–CA5). Absent on products stored before them (read as none; version 8's
   * upgrade gives existing products an empty `alternateBarcodes` and pulls the catalogue again).
   */
  brandName?: string | null;
  /** More barcodes that ring this product up (indexed, multi-entry). */
  alternateBarcodes?: string[];
  /** The buying price in cents: shown only on the product's form, to people who may edit products. */
  cost?: Cents | null;
  requiresPrescription?: boolean;
  schedule?: MedicineSchedule | null;
  /** The low-stock line, in units. */
  reorderLevel?: number | null;
  taxClass?: TaxClass;
  /** Shown under "Favourites" on the till. */
  favourite?: boolean;
  /**
   * Inactive products (CA6) stay for old receipts and refunds and show, greyed, on the Products tab, but the
   * till's grid, search and scans skip them.
   */
  isActive: boolean;
  /** Whether the shop counts this product's stock; only tracked products show a figure. */
  trackStock: boolean;
  /** What a sale does when the stock runs out; null follows the shop's policy. */
  oversellPolicy: OversellPolicy | null;
  /**
   * BP2: this till's branch's own price, from the pull; absent: it sells at `price`. Set centrally, never by
   * an edit on this phone, which keeps it.
   */
  branchPrice?: Cents;
  /** The server's version; null until the server has acknowledged the product. */
  syncVersion: number | null;
  lastModified: string;
}

/** `rejected`: the server refused the operation (e.g. an invalid sale); `refused`: too little stock (OUT_OF_STOCK). */
export type SaleSyncState = 'pending' | 'synced' | 'rejected' | 'refused';

/** Who rang up a sale, kept beside it for the receipt (the server learns it from the operation's `actorId`). */
export interface SaleCashier {
  userId: string;
  name: string;
}

/**
 * A sale as this device keeps it. `chain` is its link in the device's hash chain;
 * sales already synced before the chain existed (database version 1) have none,
 * and sales made before database version 4 have no `cashier`.
 */
export interface LocalSale extends SaleContent {
  chain?: ChainLink;
  syncState: SaleSyncState;
  serverId?: string;
  cashier?: SaleCashier;
}

export type OutboxStatus = 'pending' | 'rejected';

export interface OperationError {
  code: string;
  message: string;
}

/**
 * An operation waiting for the server: the wire operation (opId, lane, seq, type,
 * localId, data) plus local bookkeeping. `seq` counts per lane. Retries resend it unchanged, which is
 * what lets the server apply it exactly once.
 */
export type OutboxEntry = Operation & {
  status: OutboxStatus;
  attempts: number;
  lastError?: OperationError;
  createdAt: string;
};

/** A conflict the server answered (a stale product edit, a sale refused for stock): waits in the Conflicts inbox for a person. */
export interface ConflictRow {
  opId: string;
  conflict: Conflict;
  receivedAt: string;
}

/** The server's on-hand figure at this device's branch, as last pulled: this phone's pending movements are not in it. */
export type StockRow = StockLevel;

/**
 * A stock exception of this device's branch, as last pulled. `resolvingOpId` is the
 * operation with which this phone resolved it, while the server's resolved copy
 * has not come back yet: the inbox hides it meanwhile.
 */
export interface LocalStockException extends StockException {
  resolvingOpId?: string;
}

/** A person who may work on this device, with their PIN verifier, as the server's roster last said (SPEC ID3). */
export type StaffRow = RosterEntry;

/**
 * Wrong PINs in a row for one person on this device. `lockedUntil` (ISO time) is set
 * by the fifth; a right PIN deletes the row. Kept in IndexedDB so a reload does not reset it.
 */
export interface PinAttemptRow {
  userId: string;
  failures: number;
  lockedUntil: string | null;
}

/** A shift on this phone (SPEC SH): open until `closedAt`, with its blind count once closed. */
export interface LocalShift {
  localId: string;
  float: number;
  openedAt: string;
  /** Who opened it, for the report's heading. */
  openedBy: { userId: string; name: string } | null;
  closedAt: string | null;
  counted: CashCount | null;
}

/** A refund or void rung up on this phone (SPEC RF), kept for its shift's report and the sale's refundable lines. */
export interface LocalRefund extends Refund {
  syncState: SaleSyncState;
  cashier?: SaleCashier;
}

/**
 * A customer as this phone knows them (SPEC CU). `serverBalance` is what their book owed
 * when the server last sent them; this phone's records not yet synced come on top.
 */
export interface LocalCustomer extends Customer {
  serverBalance: number;
  /** Their store credit when the server last sent them (CU5); this phone's records not yet synced come on top. */
  serverStoreCredit: number;
  /**
   * CU6: local ids of this phone's records (sales, refunds, payments on account) of theirs the server
   * has accepted but whose effect has not yet come back in a pulled balance: they still count on top.
   */
  awaitingPull: string[];
  /** The server's version; null until the server has acknowledged the customer. */
  syncVersion: number | null;
  lastModified: string;
}

/** A payment on a customer's book taken on this phone (SPEC CU3). */
export interface LocalAccountPayment extends AccountPayment {
  syncState: SaleSyncState;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'opentill';

export type OpenTillDatabase = Dexie & {
  session: EntityTable<SessionRow, 'key'>;
  products: EntityTable<LocalProduct, 'id'>;
  sales: EntityTable<LocalSale, 'localId'>;
  outbox: EntityTable<OutboxEntry, 'opId'>;
  meta: EntityTable<MetaRow, 'key'>;
  conflicts: EntityTable<ConflictRow, 'opId'>;
  stock: EntityTable<StockRow, 'productId'>;
  stockExceptions: EntityTable<LocalStockException, 'id'>;
  staff: EntityTable<StaffRow, 'userId'>;
  pinAttempts: EntityTable<PinAttemptRow, 'userId'>;
  shifts: EntityTable<LocalShift, 'localId'>;
  cashMovements: EntityTable<CashMovement, 'localId'>;
  refunds: EntityTable<LocalRefund, 'localId'>;
  customers: EntityTable<LocalCustomer, 'id'>;
  accountPayments: EntityTable<LocalAccountPayment, 'localId'>;
  batches: EntityTable<PulledBatch, 'id'>;
  stockCounts: EntityTable<StockCount, 'id'>;
};

/**
 * Strict durability: Chrome otherwise reports a transaction complete before it
 * reaches the disk, and a sale must be on disk before the cashier sees "Paid"
 * (ARCHITECTURE "Sync" 1).
 */
export const db = new Dexie(DATABASE_NAME, { chromeTransactionDurability: 'strict' }) as OpenTillDatabase;

// Version 1. Later versions add `db.version(n).stores(...).upgrade(...)` below;
// never edit a shipped version, or devices with queued sales fail to open.
db.version(1).stores({
  session: '&key',
  products: '&id, name, barcode, category',
  sales: '&localId, createdAt, syncState',
  outbox: '&opId, &seq, status',
  meta: '&key',
});

// Version 2: outbox lanes, each with its own seq (so `seq` is no longer unique),
// the Conflicts inbox. `[status+lane+seq]` reads a lane's pending queue in order
// and counts it without loading it. The upgrade keeps every queued operation.
db.version(2)
  .stores({
    outbox: '&opId, [lane+seq], [status+lane+seq], status',
    conflicts: '&opId',
  })
  .upgrade(upgradeToVersion2);

// Version 3: the branch's stock figures and stock exceptions. The upgrade gives
// existing products the stock settings' defaults and restarts the pull (see
// upgradeToVersion3); the queue is not touched.
db.version(3)
  .stores({
    stock: '&productId',
    stockExceptions: '&id, status',
  })
  .upgrade(upgradeToVersion3);

// Version 4: shared devices (issue 4). The branch's staff roster with their PIN
// verifiers, and per-person wrong-PIN counts for the lockout. The upgrade makes
// the signed-in user the acting user; the queue is not touched (operations
// queued before carry no actorId, which the server reads as the token's user).
db.version(4)
  .stores({
    staff: '&userId',
    pinAttempts: '&userId',
  })
  .upgrade(upgradeToVersion4);

// Version 5: short access tokens and refresh tokens (SPEC ID17); no new table. A session
// stored before has no refresh token, and the server no longer accepts its old token: the
// upgrade marks it ended, so the phone asks to sign in again and keeps its queue meanwhile.
db.version(5).stores({}).upgrade(upgradeToVersion5);

// Version 6: shifts (SPEC SH). This phone's shifts and cash movements, kept for its X and Z
// reports; sales gain a `shiftId` index to read a shift's sales. No upgrade: nothing existing changes.
db.version(6).stores({
  sales: '&localId, createdAt, syncState, shiftId',
  shifts: '&localId',
  cashMovements: '&localId, shiftId',
});

// Version 7: refunds and customers (SPEC RF, CU). This phone's refunds, by shift and by the sale
// they return; customers by phone for the till's look-up; payments on account; sales gain
// `customerId` (a customer's book) and `chain.seq` (the receipt number). No upgrade: nothing changes.
db.version(7).stores({
  sales: '&localId, createdAt, syncState, shiftId, customerId, chain.seq',
  refunds: '&localId, shiftId, sale.localId, customerId, syncState',
  customers: '&id, phone, name',
  accountPayments: '&localId, customerId, shiftId, syncState',
});

// Version 8: the pharmacy's catalogue fields (SPEC CA). Products gain a multi-entry index on
// `alternateBarcodes`, so a scan of any of a product's barcodes finds it (`findProductsByCode`).
// The upgrade gives existing products an empty list and restarts the pull (an app from before
// these fields dropped them from what it pulled); the queue is not touched.
db.version(8)
  .stores({
    products: '&id, name, barcode, category, *alternateBarcodes',
  })
  .upgrade(upgradeToVersion8);

// Version 9: the branch's batches with lot and expiry (SPEC BT11), by product for the till's
// expiry check and the stock screen. No upgrade: no server sent batches before this version.
db.version(9).stores({
  batches: '&id, productId',
});

// Version 10: stock counts made on this phone (SPEC SC), by status for the open one. No upgrade:
// a new table.
db.version(10).stores({
  stockCounts: '&id, status',
});

// Version 11: products lose the `category` index, which nothing queried (the shelves filter the
// catalogue in memory) and every stored product paid for: a fresh phone's first pull writes 20,000.
// No upgrade: dropping an index changes no record.
db.version(11).stores({
  products: '&id, name, barcode, *alternateBarcodes',
});
