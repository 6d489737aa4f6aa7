import * as z from 'zod/mini';
import { MAX_CENTS } from '../money/cents.js';

/**
 * A branch's own price for a product (SPEC BP1): set centrally, pulled by that
 * branch's tills only. Kept apart from `product.ts` so the till's first screen,
 * which needs none of it, does not load these schemas.
 */
export const branchPriceInputSchema = z.object({
  /** Cents, VAT inclusive, like the product's price. */
  price: z.int().check(z.gte(0), z.lte(MAX_CENTS)),
});
export type BranchPriceInput = z.infer<typeof branchPriceInputSchema>;

/** A product's price at each branch of the shop: its own when set (`price`), else null (the shop's price). */
export const branchPriceSchema = z.object({
  branchId: z.uuid(),
  branchName: z.string(),
  price: z.nullable(z.int()),
});
export type BranchPrice = z.infer<typeof branchPriceSchema>;
