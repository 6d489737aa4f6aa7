import * as z from 'zod/mini';
import { MAX_CENTS } from '../money/cents.js';
import { TAX_CLASSES } from '../sales/vat.js';
import { OVERSELL_POLICIES } from '../stock/stock.js';

/** A product as the server sends it to devices (seed 000 `LocalProduct`). */
export const productSchema = z.object({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  /** Price in cents, VAT inclusive. */
  price: z.int().check(z.gte(0), z.lte(MAX_CENTS)),
  barcode: z.nullable(z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,64}$/))),
  category: z.nullable(z.string().check(z.trim(), z.maxLength(60))),
  /** The shop's own stock code, searched at the till. Absent from servers before it existed. */
  sku: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(64)))),
  /** A medicine's generic (active ingredient) name, e.g. "paracetamol" for Panado, searched at the till. */
  genericName: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(120)))),
  /** V1: the product's VAT class; absent: standard-rated. */
  taxClass: z.optional(z.enum(TAX_CLASSES)),
  /** Shown under "Favourites" on every till of the shop: the products sold all day. */
  favourite: z.optional(z.boolean()),
  isActive: z.boolean(),
  /** Whether the shop counts this product's stock: only tracked products raise oversell conflicts (SPEC ST5). */
  trackStock: z.boolean(),
  /** This product's oversell policy; null follows the shop's (SPEC ST3, ST4). */
  oversellPolicy: z.nullable(z.enum(OVERSELL_POLICIES)),
  /** Bumped on every change; the server's copy wins for editable records. */
  syncVersion: z.int().check(z.gte(1)),
  lastModified: z.iso.datetime({ offset: true }),
  /** A tombstone: the product was deleted; devices drop it (SPEC SY11). */
  deleted: z.optional(z.boolean()),
});

export type Product = z.infer<typeof productSchema>;

/** What a device may send to create or edit a product. */
export const productInputSchema = z.object({
  id: z.uuid(),
  name: productSchema.shape.name,
  price: productSchema.shape.price,
  barcode: z.optional(productSchema.shape.barcode),
  category: z.optional(productSchema.shape.category),
  sku: productSchema.shape.sku,
  genericName: productSchema.shape.genericName,
  taxClass: productSchema.shape.taxClass,
  favourite: productSchema.shape.favourite,
  isActive: z.optional(z.boolean()),
  trackStock: z.optional(z.boolean()),
  oversellPolicy: z.optional(productSchema.shape.oversellPolicy),
  /**
   * The server version this edit was made on. When the server has moved on, the
   * edit is not applied: it comes back as a conflict with both versions (SPEC SY12).
   * Absent for a new product.
   */
  baseVersion: z.optional(z.int().check(z.gte(1))),
});

export type ProductInput = z.infer<typeof productInputSchema>;
