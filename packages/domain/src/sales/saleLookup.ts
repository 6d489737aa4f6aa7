import * as z from 'zod/mini';
import { refundSchema } from './refund.js';
import { saleContentSchema } from './sale.js';

/** A refund of a found sale, as the server applied it: what a new refund must leave room for (RF3, RF6). */
export const foundRefundSchema = z.object({
  deviceId: z.uuid(),
  ...z.pick(refundSchema, { localId: true, items: true, amount: true, method: true, tenders: true, kind: true }).shape,
});
export type FoundRefund = z.infer<typeof foundRefundSchema>;

/** A sale found by its receipt (SPEC RC3), with the refunds applied to it so far. */
export const foundSaleSchema = z.object({
  deviceId: z.uuid(),
  /** Null for a sale made before receipt numbers (no hash chain). */
  receiptNumber: z.nullable(z.string()),
  /** Who sold it, as the receipt names them (null when the server has no name for them). */
  cashier: z.optional(z.nullable(z.string())),
  sale: saleContentSchema,
  refunds: z.array(foundRefundSchema),
});
export type FoundSale = z.infer<typeof foundSaleSchema>;

/** `GET /api/v1/sales/lookup`: every sale the receipt may name (a typed number may fit more than one device). */
export const saleLookupAnswerSchema = z.object({ sales: z.array(foundSaleSchema) });
export type SaleLookupAnswer = z.infer<typeof saleLookupAnswerSchema>;
