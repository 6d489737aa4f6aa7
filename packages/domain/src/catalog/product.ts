import * as z from 'zod/mini';
import { MAX_CENTS } from '../money/cents.js';

/** A product as the server sends it to devices (seed 000 `LocalProduct`). */
export const productSchema = z.object({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  /** Price in cents, VAT inclusive. */
  price: z.int().check(z.gte(0), z.lte(MAX_CENTS)),
  barcode: z.nullable(z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,64}$/))),
  category: z.nullable(z.string().check(z.trim(), z.maxLength(60))),
  isActive: z.boolean(),
  /** Bumped on every change; the server's copy wins for editable records. */
  syncVersion: z.int().check(z.gte(1)),
  lastModified: z.iso.datetime({ offset: true }),
});

export type Product = z.infer<typeof productSchema>;

/** What a device may send to create or edit a product. */
export const productInputSchema = z.object({
  id: z.uuid(),
  name: productSchema.shape.name,
  price: productSchema.shape.price,
  barcode: z.optional(productSchema.shape.barcode),
  category: z.optional(productSchema.shape.category),
  isActive: z.optional(z.boolean()),
});

export type ProductInput = z.infer<typeof productInputSchema>;
