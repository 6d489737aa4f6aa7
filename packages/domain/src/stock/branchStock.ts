import * as z from 'zod/mini';

/**
 * A product's stock at every branch of the shop (SPEC BT14), read online on the
 * product's page: the figure and the batches with units left. Kept apart from the
 * till's first-screen modules.
 */
export const branchStockSchema = z.object({
  branchId: z.uuid(),
  branchName: z.string(),
  onHand: z.int(),
  batches: z.array(z.object({ lot: z.string(), expiresOn: z.nullable(z.iso.date()), onHand: z.int().check(z.gte(0)) })),
});
export type BranchStock = z.infer<typeof branchStockSchema>;
