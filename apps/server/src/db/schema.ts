/**
 * The PostgreSQL schema (Drizzle). Shaped after seed 000's tables: integer cents,
 * `tenant_id` on every tenant-owned row, the seed's indexes and
 * UNIQUE(tenant_id, device_id, local_id) on sales. `npm run db:generate -w apps/server`
 * writes the SQL migration for a change here.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Facts about this database itself, e.g. its generation (part of every pull cursor). */
export const serverMeta = pgTable('server_meta', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: text('value').notNull(),
});

/**
 * Keys that sign access tokens (Ed25519, SPEC ID17); `kid` goes in the token header so keys can
 * rotate: the newest signs, every key young enough to have signed a live token verifies.
 */
export const signingKeys = pgTable('signing_keys', {
  kid: varchar('kid', { length: 64 }).primaryKey(),
  /** PKCS#8 PEM of the private key. */
  privateKey: text('private_key').notNull(),
  /** SPKI PEM of the public key. */
  publicKey: text('public_key').notNull(),
  createdAt,
});

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  businessName: varchar('business_name', { length: 255 }).notNull(),
  phone: varchar('phone', { length: 20 }),
  email: varchar('email', { length: 255 }),
  address: text('address'),
  currency: varchar('currency', { length: 3 }).notNull().default('ZAR'),
  settings: jsonb('settings').notNull().default({}),
  /**
   * Per-tenant change counter, bumped under this row's lock inside every writing
   * transaction: pull cursors compare against it, so a transaction that commits
   * late can never be skipped (SPEC SY4).
   */
  changeCounter: bigint('change_counter', { mode: 'number' }).notNull().default(0),
  /** What a sale that would take a tracked product below zero does, unless the product says (SPEC ST3, ST4). */
  oversellPolicy: varchar('oversell_policy', { length: 8 }).notNull().default('flag'),
  /** The password rules of its email accounts: `standard` (12 characters) or `pharmacy` (16) (SPEC ID5). */
  passwordPolicy: varchar('password_policy', { length: 16 }).notNull().default('standard'),
  /** Devices ever registered: the next device's receipt prefix is `T` and this plus one (SPEC RC1). */
  devicesRegistered: integer('devices_registered').notNull().default(0),
  createdAt,
  updatedAt,
});

/** Every tenant-owned row carries its tenant; deleting a tenant deletes its rows. */
const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const branches = pgTable(
  'branches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: varchar('name', { length: 120 }).notNull(),
    /**
     * The branch's stock change counter: taken under this row's lock by every
     * transaction that moves the branch's stock, so the stock feed, like the
     * catalogue's, cannot skip a late commit (SPEC ST6, SY4). Per branch, so
     * branches do not queue behind each other.
     */
    stockCounter: bigint('stock_counter', { mode: 'number' }).notNull().default(0),
    createdAt,
  },
  (t) => [index('idx_branches_tenant').on(t.tenantId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: varchar('name', { length: 120 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    role: varchar('role', { length: 32 }).notNull(),
    /** Argon2id hash of the PIN (PHC string); never the PIN itself. */
    pinHash: text('pin_hash'),
    /**
     * The slow PBKDF2 verifier of the PIN that the branch's shared devices keep,
     * so a person signs in on one with no network (SPEC ID3); made when the PIN is set.
     */
    pinVerifier: jsonb('pin_verifier'),
    /** Email accounts (pharmacies) sign in with this; unique across tenants, stored lower-case (SPEC ID5). */
    email: varchar('email', { length: 254 }),
    /** Argon2id hash of the password (NFKC-normalized); never the password itself. */
    passwordHash: text('password_hash'),
    /** Hashes of earlier passwords, newest first, so the last few are not chosen again (ID7). */
    passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
    /** Base32 TOTP secret; two-factor is on only once `totpEnabledAt` is set (ID8). */
    totpSecret: varchar('totp_secret', { length: 64 }),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last accepted TOTP step: a code at or before it is a replay (ID8). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** SHA-256 hashes of the unused recovery codes (ID9). */
    recoveryCodeHashes: jsonb('recovery_code_hashes').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    /** When the person was disabled: work they did on a device before it still counts (ID4). */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt,
    updatedAt,
  },
  (t) => [
    index('idx_users_tenant').on(t.tenantId),
    // A phone number signs in to one shop: it may own only one.
    uniqueIndex('uq_users_owner_phone')
      .on(t.phone)
      .where(sql`role = 'OWNER'`),
    // An email signs in to one account, whatever the shop.
    uniqueIndex('uq_users_email').on(t.email),
  ],
);

/**
 * A signed-in session: one device (or browser) of one person, the family of its
 * rotating refresh tokens (SPEC ID17). Revoking it ends every token of the family.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    /** The device's WebCrypto public key (JWK, ECDSA P-256): a refresh must be signed by its private key. */
    devicePublicKey: jsonb('device_public_key'),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
    createdAt,
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moves forward with each refresh: a session unused for this long ends by itself. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** `signed_out`, `revoked`, `token_reuse`, `device_revoked`, `user_disabled`. */
    revokedReason: varchar('revoked_reason', { length: 32 }),
  },
  (t) => [index('idx_sessions_tenant_user').on(t.tenantId, t.userId)],
);

/** Refresh tokens, stored as SHA-256 hashes; each is used once, then replaced (rotation). */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    tenantId: tenantId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** What the device signs to use this token: proof it still holds its private key. */
    nonce: varchar('nonce', { length: 64 }).notNull(),
    createdAt,
    /** Set when it was exchanged; presenting it again is reuse: the whole session is revoked. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('idx_refresh_tokens_session').on(t.sessionId)],
);

/** The branches a person works at (SPEC ID2); tenant-wide roles need none. */
export const userBranches = pgTable(
  'user_branches',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.branchId] }), index('idx_user_branches_branch').on(t.branchId)],
);

export const devices = pgTable(
  'devices',
  {
    /** Generated on the device at sign-in. */
    id: uuid('id').primaryKey(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    registeredBy: uuid('registered_by').references(() => users.id),
    name: varchar('name', { length: 60 }),
    /** RC1: "T3": the prefix of this device's receipt numbers, unique in its tenant, given at registration. */
    receiptPrefix: varchar('receipt_prefix', { length: 8 }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt,
  },
  (t) => [
    index('idx_devices_tenant').on(t.tenantId),
    uniqueIndex('uq_devices_receipt_prefix').on(t.tenantId, t.receiptPrefix),
  ],
);

/** Highest operation `seq` applied from each device in each outbox lane (SPEC SY2, SY9). */
export const deviceLanes = pgTable(
  'device_lanes',
  {
    /** Filled in by the database from the transaction's tenant, so row-level security covers lanes too (SPEC ID15). */
    tenantId: uuid('tenant_id')
      .notNull()
      .default(sql`app_tenant_id()`),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    lane: varchar('lane', { length: 16 }).notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.lane] })],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: varchar('name', { length: 255 }).notNull(),
    /** Cents, VAT inclusive. */
    price: integer('price').notNull(),
    barcode: varchar('barcode', { length: 100 }),
    category: varchar('category', { length: 100 }),
    /** The shop's own stock code, searched at the till. */
    sku: varchar('sku', { length: 64 }),
    /** A medicine's generic name (active ingredient), searched at the till. */
    genericName: varchar('generic_name', { length: 120 }),
    /** CA1: the maker's brand name, searched at the till. */
    brandName: varchar('brand_name', { length: 120 }),
    /** CA2: more barcodes that ring up this product (at most 10, none twice, never the own `barcode`). */
    alternateBarcodes: varchar('alternate_barcodes', { length: 64 })
      .array()
      .notNull()
      .default(sql`'{}'::varchar[]`),
    /** CA3: the buying price in cents; null when not known. */
    cost: integer('cost'),
    /** CA4: sold only against a prescription. */
    requiresPrescription: boolean('requires_prescription').notNull().default(false),
    /** CA4: the medicine schedule, `S0`–`S8`; null for an unscheduled product. */
    schedule: varchar('schedule', { length: 2 }),
    /** CA5: the low-stock line in units; null when none is set. */
    reorderLevel: integer('reorder_level'),
    /** V1: `standard`, `zero` or `exempt`. */
    taxClass: varchar('tax_class', { length: 8 }).notNull().default('standard'),
    /** Shown under "Favourites" on the tills. */
    isFavourite: boolean('is_favourite').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    /** Whether the shop counts this product's stock (SPEC ST5). */
    trackStock: boolean('track_stock').notNull().default(false),
    /** `flag` or `reject`; null follows the tenant's policy. */
    oversellPolicy: varchar('oversell_policy', { length: 8 }),
    syncVersion: integer('sync_version').notNull().default(1),
    /** Set when deleted: the row stays as a tombstone so devices learn of the delete (SY11). */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** The tenant's change counter when this row last changed (pull order). */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    createdAt,
    updatedAt,
  },
  (t) => [
    check('ck_products_price', sql`${t.price} >= 0`),
    check('ck_products_cost', sql`${t.cost} IS NULL OR ${t.cost} >= 0`),
    check('ck_products_reorder_level', sql`${t.reorderLevel} IS NULL OR ${t.reorderLevel} >= 0`),
    check('ck_products_schedule', sql`${t.schedule} IS NULL OR ${t.schedule} ~ '^S[0-8]$'`),
    check('ck_products_alternate_barcodes', sql`cardinality(${t.alternateBarcodes}) <= 10`),
    index('idx_products_tenant_active').on(t.tenantId, t.isActive),
    index('idx_products_barcode')
      .on(t.tenantId, t.barcode)
      .where(sql`${t.barcode} IS NOT NULL`),
    uniqueIndex('uq_products_tenant_change').on(t.tenantId, t.changeSeq),
  ],
);

export const sales = pgTable(
  'sales',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    localId: varchar('local_id', { length: 64 }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    totalAmount: integer('total_amount').notNull(),
    paymentMethod: varchar('payment_method', { length: 20 }).notNull(),
    tendered: integer('tendered').notNull(),
    change: integer('change').notNull(),
    /** The lines as sold (seed 000 keeps them as JSONB): productId, name, quantity, price, and since the
     * selling issue taxClass, override, note, weight (SPEC S5, S6). */
    items: jsonb('items').notNull(),
    /** How it was paid (SPEC P); null for a sale made before split tenders: one cash tender. */
    tenders: jsonb('tenders'),
    /** The VAT inside the total (V3); null for a sale made before VAT was recorded. */
    vat: integer('vat'),
    /** Cents knocked off for cash rounding (R1). */
    rounding: integer('rounding').notNull().default(0),
    /** The customer, by the id their device gave them (no foreign key: the customer may arrive later). */
    customerId: uuid('customer_id'),
    /** The shift on the selling device, by that device's local id for it (SPEC SH). */
    shiftId: varchar('shift_id', { length: 64 }),
    /** VD4: the buyer a full tax invoice names, as captured at the till. */
    buyer: jsonb('buyer'),
    /** RX2: receipts given again (each marked COPY and audited), as devices reported them. */
    reprints: integer('reprints').notNull().default(0),
    metadata: jsonb('metadata').notNull().default({}),
    /**
     * `completed`, or `refused` when a `reject` product lacked stock (SPEC ST3): a
     * refused sale is kept so its device's chain has no hole, but moves no stock.
     */
    status: varchar('status', { length: 12 }).notNull().default('completed'),
    /** The sale's link in its device's hash chain (SY10); null for sales made before the chain. */
    chainSeq: integer('chain_seq'),
    previousHash: varchar('previous_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
    /** HMAC-SHA256 by the server over the sale's identity and hash, and the key that made it. */
    signature: varchar('signature', { length: 64 }),
    signatureKeyId: varchar('signature_key_id', { length: 16 }),
    /** Device time of the sale: data, never an ordering key. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('uq_sales_device_local').on(t.tenantId, t.deviceId, t.localId),
    check('ck_sales_amounts', sql`${t.totalAmount} >= 0 AND ${t.tendered} >= 0 AND ${t.change} >= 0`),
    index('idx_sales_tenant_date').on(t.tenantId, t.createdAt.desc()),
    index('idx_sales_customer')
      .on(t.tenantId, t.customerId)
      .where(sql`${t.customerId} IS NOT NULL`),
    index('idx_sales_shift')
      .on(t.deviceId, t.shiftId)
      .where(sql`${t.shiftId} IS NOT NULL`),
    index('idx_sales_chain').on(t.deviceId, t.chainSeq),
  ],
);

/**
 * Refunds (SPEC RF): new transactions that name their sale by its device and
 * local id. `awaiting_sale` until that sale arrives (a refund travels in the
 * critical lane and may overtake it), then `applied`, or `exceeds_sale` when the
 * sale does not cover it (kept, moved no stock, for a manager: RF3).
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    localId: varchar('local_id', { length: 64 }).notNull(),
    /** The REFUND_SALE operation that brought it (its stock moves carry it, even when applied later). */
    opId: uuid('op_id').notNull(),
    userId: uuid('user_id').references(() => users.id),
    saleDeviceId: uuid('sale_device_id').notNull(),
    saleLocalId: varchar('sale_local_id', { length: 64 }).notNull(),
    /** The sale's server id, once it has arrived. */
    saleId: uuid('sale_id').references(() => sales.id),
    items: jsonb('items').notNull(),
    amount: integer('amount').notNull(),
    method: varchar('method', { length: 20 }).notNull(),
    /** RF8: the parts of a `split` refund; null when all of it went back by `method`. */
    tenders: jsonb('tenders'),
    /** `refund`, or `void`: a whole sale cancelled within its shift (needs `sales:void`). */
    kind: varchar('kind', { length: 8 }).notNull().default('refund'),
    customerId: uuid('customer_id'),
    shiftId: varchar('shift_id', { length: 64 }),
    restock: boolean('restock').notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** Device time of the refund: data, never an ordering key. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    unique('uq_refunds_device_local').on(t.tenantId, t.deviceId, t.localId),
    check('ck_refunds_amount', sql`${t.amount} >= 0`),
    index('idx_refunds_sale').on(t.saleId),
    // A customer's book and store credit are read from their refunds (SPEC CU2, CU5).
    index('idx_refunds_customer')
      .on(t.tenantId, t.customerId)
      .where(sql`${t.customerId} IS NOT NULL`),
    index('idx_refunds_awaiting')
      .on(t.saleDeviceId, t.saleLocalId)
      .where(sql`${t.status} = 'awaiting_sale'`),
  ],
);

/**
 * A cashier's shift on one device (SPEC SH), named by that device's local id:
 * opened with a float, closed once with a blind count (`counted`, notes and
 * coins per denomination) and the numbers of records the device made in it.
 */
export const shifts = pgTable(
  'shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    localId: varchar('local_id', { length: 64 }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    float: integer('float').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    counted: jsonb('counted'),
    countedTotal: integer('counted_total'),
    /** SH6: the sales, refunds and cash movements the device recorded in the shift. */
    recorded: jsonb('recorded'),
  },
  (t) => [unique('uq_shifts_device_local').on(t.tenantId, t.deviceId, t.localId)],
);

/** Cash paid into or taken out of a shift's drawer (SPEC SH2): append-only. */
export const cashMovements = pgTable(
  'cash_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    localId: varchar('local_id', { length: 64 }).notNull(),
    shiftId: varchar('shift_id', { length: 64 }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    kind: varchar('kind', { length: 3 }).notNull(),
    amount: integer('amount').notNull(),
    reason: varchar('reason', { length: 120 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('uq_cash_movements_device_local').on(t.tenantId, t.deviceId, t.localId),
    index('idx_cash_movements_shift').on(t.deviceId, t.shiftId),
    check('ck_cash_movements_amount', sql`${t.amount} > 0`),
  ],
);

/**
 * The shop's customers (SPEC CU), under the id the device that created them gave
 * them. Editable (SY12: `sync_version`); `change_seq` moves on every edit and
 * whenever their book or store credit moves, so the pull brings their balances.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    tenantId: tenantId(),
    name: varchar('name', { length: 80 }).notNull(),
    /** SA mobile number, normalized (+27…). */
    phone: varchar('phone', { length: 20 }),
    /** CU1: the most the book may owe, in cents; null: no book. */
    creditLimit: integer('credit_limit'),
    syncVersion: integer('sync_version').notNull().default(1),
    /** The tenant's change counter when this customer or their balances last changed (pull order). */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt,
    updatedAt,
  },
  (t) => [
    check('ck_customers_credit_limit', sql`${t.creditLimit} IS NULL OR ${t.creditLimit} >= 0`),
    index('idx_customers_phone')
      .on(t.tenantId, t.phone)
      .where(sql`${t.phone} IS NOT NULL`),
    uniqueIndex('uq_customers_tenant_change').on(t.tenantId, t.changeSeq),
  ],
);

/**
 * Money paid against a customer's book (SPEC CU3): append-only. No foreign key to
 * the customer: a payment travels in the critical lane and may arrive before them.
 */
export const accountPayments = pgTable(
  'account_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    localId: varchar('local_id', { length: 64 }).notNull(),
    customerId: uuid('customer_id').notNull(),
    userId: uuid('user_id').references(() => users.id),
    amount: integer('amount').notNull(),
    method: varchar('method', { length: 16 }).notNull(),
    reference: varchar('reference', { length: 64 }),
    /** The shift on the device that took it, by that device's local id (SPEC SH). */
    shiftId: varchar('shift_id', { length: 64 }),
    /** Device time: data, never an ordering key. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('uq_account_payments_device_local').on(t.tenantId, t.deviceId, t.localId),
    index('idx_account_payments_customer').on(t.tenantId, t.customerId),
    index('idx_account_payments_shift')
      .on(t.deviceId, t.shiftId)
      .where(sql`${t.shiftId} IS NOT NULL`),
    check('ck_account_payments_amount', sql`${t.amount} > 0`),
  ],
);

/**
 * Something the server noticed in a device's sales chain: a sale whose
 * predecessor has not arrived (`gap`), one whose previousHash is not its
 * predecessor's hash (`break`), or two sales at one place (`fork`). Gaps close
 * themselves when the missing sale arrives; the rest wait for a person.
 */
export const integrityAlerts = pgTable(
  'integrity_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    chainSeq: integer('chain_seq').notNull(),
    details: jsonb('details').notNull().default({}),
    createdAt,
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('idx_integrity_alerts_tenant').on(t.tenantId, t.createdAt)],
);

/**
 * Every operation a device pushed and the answer it got. A retried `op_id`
 * returns the stored answer instead of being applied again (SPEC SY2).
 * Append-only and written by every push: no foreign keys (DECISIONS D17).
 */
export const syncOperations = pgTable(
  'sync_operations',
  {
    opId: uuid('op_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    lane: varchar('lane', { length: 16 }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: varchar('type', { length: 40 }).notNull(),
    /** SHA-256 of the operation as received, to tell a retry from a reused id. */
    payloadHash: varchar('payload_hash', { length: 64 }).notNull(),
    result: jsonb('result').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('uq_sync_operations_device_lane_seq').on(t.deviceId, t.lane, t.seq)],
);

/**
 * A product's on-hand figure at a branch: the sum of its ledger entries (SPEC
 * ST1), kept up to date in the transaction that writes them. No foreign key to
 * products: a sale may arrive before the product its device created (lanes).
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    /** The branch's stock counter when this figure last changed (pull order). */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.productId] }),
    index('idx_stock_levels_change').on(t.branchId, t.changeSeq),
  ],
);

/**
 * Every stock movement, never updated or deleted (SPEC ST1). Three rows a sale:
 * no foreign keys (DECISIONS D17).
 */
export const stockLedger = pgTable(
  'stock_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    productId: uuid('product_id').notNull(),
    /** Units in (positive) or out (negative). */
    delta: integer('delta').notNull(),
    /** The batch moved (SPEC BT10); null for a product kept without batches, or a shortfall sold beyond them. */
    batchId: uuid('batch_id'),
    /** `sale`, `refund`, `receipt`, `adjustment`, `transfer_out` or `transfer_in`. */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** An adjustment's reason code. */
    reason: varchar('reason', { length: 16 }),
    saleId: uuid('sale_id'),
    /** The operation that moved the stock; a sale's lines share their sale's. */
    opId: uuid('op_id'),
    deviceId: uuid('device_id'),
    userId: uuid('user_id'),
    note: varchar('note', { length: 200 }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idx_stock_ledger_product').on(t.branchId, t.productId)],
);

/**
 * One lot of a product at a branch, with its expiry (SPEC BT1): the branch's
 * batches partition part of the product's figure; their own figures are the sums
 * of their ledger entries (BT10), never below zero. A lot has one expiry, so the
 * lot names the batch within the branch and product.
 */
export const stockBatches = pgTable(
  'stock_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    lot: varchar('lot', { length: 40 }).notNull(),
    /** The last day it may be sold; null for goods that do not expire. */
    expiresOn: date('expires_on', { mode: 'string' }),
    onHand: integer('on_hand').notNull().default(0),
    /** The branch's stock counter when this batch last changed (pull order, with the figures). */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    createdAt,
  },
  (t) => [
    check('ck_stock_batches_on_hand', sql`${t.onHand} >= 0`),
    uniqueIndex('uq_stock_batches_lot').on(t.branchId, t.productId, t.lot),
    index('idx_stock_batches_change').on(t.branchId, t.changeSeq),
  ],
);

/**
 * A branch's own price for a product (SPEC BP1), over the catalogue's. Setting
 * one renumbers the product in the catalogue feed, so every till pulls it again
 * with its own branch's price.
 */
export const branchPrices = pgTable(
  'branch_prices',
  {
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Cents, VAT inclusive. */
    price: integer('price').notNull(),
    updatedAt,
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.productId] }),
    check('ck_branch_prices_price', sql`${t.price} >= 0`),
    index('idx_branch_prices_product').on(t.tenantId, t.productId),
  ],
);

/**
 * Stock sent from one branch to another (SPEC BT9): the lines are the source
 * batches' units, with lot and expiry; in transit they are in neither branch's
 * figure. Received at the destination whole or with a discrepancy.
 */
export const transfers = pgTable(
  'transfers',
  {
    /** Made by the dispatching device, so the transfer is known offline. */
    id: uuid('id').primaryKey(),
    tenantId: tenantId(),
    fromBranchId: uuid('from_branch_id')
      .notNull()
      .references(() => branches.id),
    toBranchId: uuid('to_branch_id')
      .notNull()
      .references(() => branches.id),
    /** `in_transit`, `received` or `received_with_discrepancy`. */
    status: varchar('status', { length: 28 }).notNull().default('in_transit'),
    /** TransferLine[]: product, source batch, lot, expiry, units. */
    lines: jsonb('lines').notNull(),
    /** Units received per line; null while in transit. */
    received: jsonb('received'),
    dispatchedOn: date('dispatched_on', { mode: 'string' }).notNull(),
    dispatchedBy: uuid('dispatched_by'),
    receivedBy: uuid('received_by'),
    createdAt,
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** TR5: what became of the missing units of a transfer received short (`returned`, `lost`); null: undecided. */
    resolution: varchar('resolution', { length: 16 }),
    resolutionNote: varchar('resolution_note', { length: 200 }),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('idx_transfers_to').on(t.toBranchId, t.status), index('idx_transfers_from').on(t.fromBranchId)],
);

/**
 * Sales under the `flag` policy took a tracked product below zero (SPEC ST4).
 * At most one open exception per branch and product gathers the shortfall.
 */
export const stockExceptions = pgTable(
  'stock_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    kind: varchar('kind', { length: 16 }).notNull().default('OVERSELL'),
    shortfall: integer('shortfall').notNull(),
    saleIds: uuid('sale_ids').array().notNull(),
    /** `open` or `resolved`. */
    status: varchar('status', { length: 12 }).notNull().default('open'),
    /** `adjusted` (by a stock adjustment) or `accepted`. */
    resolution: varchar('resolution', { length: 12 }),
    resolvedByDevice: uuid('resolved_by_device'),
    /** The branch's stock counter when this exception last changed (pull order). */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    createdAt,
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('uq_stock_exceptions_open')
      .on(t.branchId, t.productId)
      .where(sql`status = 'open'`),
    index('idx_stock_exceptions_change').on(t.branchId, t.changeSeq),
  ],
);

/**
 * The tenant's audit log (SPEC AU): who did what, from which device and address.
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), numbered 1, 2, 3 …
 * per tenant, each entry hash-chained to the one before and signed by the server.
 * The tenant's key has no cascade: deleting a tenant must not erase its trail.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** One of AUDIT_ACTIONS (packages/domain). */
    action: varchar('action', { length: 64 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorDeviceId: uuid('actor_device_id'),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
    details: jsonb('details').notNull().default({}),
    previousHash: varchar('previous_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
    /** HMAC-SHA256 by the server over the entry's place and hash, and the key that made it. */
    signature: varchar('signature', { length: 64 }).notNull(),
    signatureKeyId: varchar('signature_key_id', { length: 16 }).notNull(),
  },
  (t) => [
    unique('uq_audit_log_tenant_seq').on(t.tenantId, t.seq),
    // "Has this shop seen this address before?" at every sign-in (SPEC AU7).
    index('idx_audit_log_tenant_ip').on(t.tenantId, t.ip),
  ],
);

/**
 * Each tenant's audit chain head: the last entry's number and hash. An append
 * locks this row, so two appends of one tenant queue instead of forking the
 * chain, without touching the busy `tenants` row (DECISIONS).
 */
export const auditHeads = pgTable('audit_heads', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
});

/** A shop's suppliers (SPEC PO1): never deleted, made inactive instead, so their orders keep a name. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: varchar('name', { length: 120 }).notNull(),
    /** As the owner typed it; a South African number (WhatsApp takes it as 27…). */
    phone: varchar('phone', { length: 30 }),
    email: varchar('email', { length: 254 }),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    createdAt,
    updatedAt,
  },
  (t) => [index('idx_suppliers_tenant').on(t.tenantId)],
);

/**
 * A purchase order (SPEC PO2–PO6): made online for one branch and one supplier,
 * numbered per shop under the tenant's lock; its lines count what arrived.
 */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** The shop's n-th order, shown as `PO-000n`; orders are never deleted, so never reused (PO2). */
    number: integer('number').notNull(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    /** `draft`, `sent`, `part_received`, `received` or `cancelled`. */
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt,
    updatedAt,
    sentAt: timestamp('sent_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    unique('uq_purchase_orders_number').on(t.tenantId, t.number),
    index('idx_purchase_orders_tenant').on(t.tenantId),
  ],
);

/** An order's lines, one per product; `quantity_received` grows with each delivery counted on it (PO5). */
export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    tenantId: tenantId(),
    purchaseOrderId: uuid('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    /** The line's place on the order, as the owner entered it. */
    position: integer('position').notNull(),
    quantityOrdered: integer('quantity_ordered').notNull(),
    /** Cents per unit; null when neither the owner nor the product's cost said. */
    unitCost: integer('unit_cost'),
    quantityReceived: integer('quantity_received').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.purchaseOrderId, t.productId] }),
    check('ck_purchase_order_lines_quantity', sql`${t.quantityOrdered} > 0`),
  ],
);

/**
 * Every delivery that came with an order's reference (PO5), append-only: whether
 * it was counted on the order or only booked into stock (`outcome`). The order id
 * is kept as the device sent it, without a foreign key: an unknown order's
 * delivery is recorded too.
 */
export const purchaseOrderReceipts = pgTable(
  'purchase_order_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    purchaseOrderId: uuid('purchase_order_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    lot: varchar('lot', { length: 40 }),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** `counted`, `unknown_order`, `cancelled`, `other_branch` or `not_on_order`. */
    outcome: varchar('outcome', { length: 16 }).notNull(),
    /** The RECEIVE_STOCK operation that brought it: applied once, so recorded once. */
    opId: uuid('op_id').notNull(),
    deviceId: uuid('device_id'),
    userId: uuid('user_id'),
    createdAt,
  },
  (t) => [
    uniqueIndex('uq_purchase_order_receipts_op').on(t.opId),
    index('idx_purchase_order_receipts_order').on(t.tenantId, t.purchaseOrderId),
  ],
);
