import * as z from 'zod/mini';

/**
 * Stock (SPEC ST). On hand is the sum of a branch's ledger entries for a product
 * (ST1); devices never send a figure, only movements, so movements made offline
 * on several tills add up instead of overwriting each other.
 */

/**
 * What the server does with a sale that would take a tracked product below zero
 * (PRODUCT.md "Offline oversell"): `flag` keeps the sale (the customer has the
 * goods) and raises a stock exception; `reject` refuses the sale (seed 002,
 * conflict scenario 1).
 */
export const OVERSELL_POLICIES = ['flag', 'reject'] as const;
export type OversellPolicy = (typeof OVERSELL_POLICIES)[number];
export const DEFAULT_OVERSELL_POLICY: OversellPolicy = 'flag';

export const ADJUSTMENT_REASONS = ['damaged', 'expired', 'theft', 'correction', 'count'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Largest number of units one movement may carry. */
export const MAX_STOCK_MOVEMENT = 1_000_000;

const noteSchema = z.optional(z.string().check(z.trim(), z.maxLength(200)));

/**
 * Stock arrived at the device's branch (a delivery, or a product's opening
 * stock). With a `lot` it goes into that batch (BT8): the branch's batch of the
 * same lot, or a new one with `expiresOn` (null: goods that do not expire).
 */
export const receiveStockSchema = z.object({
  productId: z.uuid(),
  quantity: z.int().check(z.gte(1), z.lte(MAX_STOCK_MOVEMENT)),
  note: noteSchema,
  lot: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
  expiresOn: z.optional(z.nullable(z.iso.date())),
  /**
   * The purchase order this delivery is against (PO5): the server counts it on the
   * order's line in the same transaction. The stock is booked whatever the order is.
   */
  purchaseOrderId: z.optional(z.uuid()),
});

/** A correction by a number of units, up or down; `exceptionId` closes that stock exception with it. */
export const adjustStockSchema = z.object({
  productId: z.uuid(),
  delta: z.int().check(
    z.gte(-MAX_STOCK_MOVEMENT),
    z.lte(MAX_STOCK_MOVEMENT),
    z.refine((delta) => delta !== 0, 'An adjustment moves at least one unit.'),
  ),
  reason: z.enum(ADJUSTMENT_REASONS),
  exceptionId: z.optional(z.uuid()),
  /** The batch corrected (e.g. an expired lot written off); absent: the product's units kept without a batch. */
  batchId: z.optional(z.uuid()),
  note: noteSchema,
  /** SC3: the stock count this adjustment settles (its id made on the phone). */
  countId: z.optional(z.uuid()),
  /** SC3: who approved the count's variance; the server checks they have `stock:approve`. */
  approvedBy: z.optional(z.uuid()),
});

/** Closes a stock exception without moving stock (the figure is right, or a delivery is on its way). */
export const resolveStockExceptionSchema = z.object({
  exceptionId: z.uuid(),
  note: noteSchema,
});

export type ReceiveStock = z.infer<typeof receiveStockSchema>;
export type AdjustStock = z.infer<typeof adjustStockSchema>;

/** A product's on-hand figure at the device's branch, as the server sends it. */
export const stockLevelSchema = z.object({
  productId: z.uuid(),
  onHand: z.int(),
});

export type StockLevel = z.infer<typeof stockLevelSchema>;

/**
 * Sales under the `flag` policy took a tracked product below zero at a branch
 * (ST4). One open exception per branch and product gathers the shortfall until
 * someone resolves it: by an adjustment (a count) or by accepting the figure.
 */
export const stockExceptionSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  kind: z.literal('OVERSELL'),
  /** Units sold that the branch's figure did not have. */
  shortfall: z.int().check(z.gte(1)),
  /** Server ids of the sales that went short. */
  saleIds: z.array(z.uuid()),
  status: z.enum(['open', 'resolved']),
  resolution: z.nullable(z.enum(['adjusted', 'accepted'])),
  createdAt: z.iso.datetime({ offset: true }),
  resolvedAt: z.nullable(z.iso.datetime({ offset: true })),
});

export type StockException = z.infer<typeof stockExceptionSchema>;
