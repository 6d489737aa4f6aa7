import * as z from 'zod/mini';
import { MAX_STOCK_MOVEMENT } from './stock.js';

/**
 * The transfer operations' data (SPEC TR1, TR2), apart from the transfer rules
 * (transfer.ts) so the till's sync protocol takes the schemas without the rules.
 */

export const transferLineRequestSchema = z.object({
  productId: z.uuid(),
  quantity: z.int().check(z.gte(1), z.lte(MAX_STOCK_MOVEMENT)),
  /** A specific batch to send (e.g. a lot selling too slowly here to beat its expiry); else FEFO. */
  batchId: z.optional(z.uuid()),
});

export const dispatchTransferSchema = z.object({
  id: z.uuid(),
  toBranchId: z.uuid(),
  lines: z.array(transferLineRequestSchema).check(z.minLength(1), z.maxLength(200)),
});

/** What arrived, per line of the transfer, as counted at the destination. */
export const receiveTransferSchema = z.object({
  transferId: z.uuid(),
  received: z.array(z.int().check(z.gte(0), z.lte(MAX_STOCK_MOVEMENT))).check(z.minLength(1)),
});

/**
 * TR5: what became of a transfer's missing units, decided at the branch that sent them: back on its shelf
 * (`returned`: never sent, or brought back) or `lost` on the way (they left the source's figure when sent).
 */
export const TRANSFER_RESOLUTIONS = ['returned', 'lost'] as const;
export type TransferResolution = (typeof TRANSFER_RESOLUTIONS)[number];

export const resolveTransferSchema = z.object({
  transferId: z.uuid(),
  resolution: z.enum(TRANSFER_RESOLUTIONS),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});

export type TransferLineRequest = z.infer<typeof transferLineRequestSchema>;
