import * as z from 'zod/mini';
import { MAX_CENTS } from '../money/cents.js';
import { TAX_CLASSES } from '../sales/vat.js';
import { MAX_STOCK_MOVEMENT, OVERSELL_POLICIES } from '../stock/stock.js';

/** South Africa's medicine schedules (Medicines and Related Substances Act), used by the pharmacy features (SPEC CA4). */
export const MEDICINE_SCHEDULES = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'] as const;
export type MedicineSchedule = (typeof MEDICINE_SCHEDULES)[number];

/** Most extra barcodes one product may have besides its own (SPEC CA2). */
export const MAX_ALTERNATE_BARCODES = 10;

/** A barcode as a product keeps it: letters, digits and dashes, 1 to 64 of them. */
export const BARCODE_PATTERN = /^[0-9A-Za-z-]{1,64}$/;
const barcodeSchema = z.string().check(z.trim(), z.regex(BARCODE_PATTERN));

/** A product's extra barcodes (another pack size's, an old label's): each a barcode, none twice (SPEC CA2). */
export const alternateBarcodesSchema = z.array(barcodeSchema).check(
  z.maxLength(MAX_ALTERNATE_BARCODES),
  z.refine((codes) => new Set(codes).size === codes.length, 'A barcode is listed only once.'),
);

/** A product as the server sends it to devices (seed 000 `LocalProduct`). */
export const productSchema = z.object({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  /** Price in cents, VAT inclusive. */
  price: z.int().check(z.gte(0), z.lte(MAX_CENTS)),
  barcode: z.nullable(barcodeSchema),
  /** CA2: more barcodes that ring up this product. Absent from servers before it existed (none). */
  alternateBarcodes: z.optional(alternateBarcodesSchema),
  category: z.nullable(z.string().check(z.trim(), z.maxLength(60))),
  /** The shop's own stock code, searched at the till. Absent from servers before it existed. */
  sku: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(64)))),
  /** A medicine's generic (active ingredient) name, e.g. "paracetamol" for Panado, searched at the till. */
  genericName: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(120)))),
  /** CA1: the maker's brand name ("Panado" for paracetamol), searched at the till like the generic name. */
  brandName: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(120)))),
  /** CA3: the buying price in cents (VAT inclusive, like `price`); null when not known. Never shown on the till. */
  cost: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(MAX_CENTS)))),
  /** CA4: sold only against a prescription. Absent: no. */
  requiresPrescription: z.optional(z.boolean()),
  /** CA4: the medicine's schedule; null for an unscheduled product. */
  schedule: z.optional(z.nullable(z.enum(MEDICINE_SCHEDULES))),
  /** CA5: the low-stock line, in units: at or below it the product needs ordering; null: none set. */
  reorderLevel: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(MAX_STOCK_MOVEMENT)))),
  /** V1: the product's VAT class; absent: standard-rated. */
  taxClass: z.optional(z.enum(TAX_CLASSES)),
  /** Shown under "Favourites" on every till of the shop: the products sold all day. */
  favourite: z.optional(z.boolean()),
  isActive: z.boolean(),
  /** Whether the shop counts this product's stock: only tracked products raise oversell conflicts (SPEC ST5). */
  trackStock: z.boolean(),
  /** This product's oversell policy; null follows the shop's (SPEC ST3, ST4). */
  oversellPolicy: z.nullable(z.enum(OVERSELL_POLICIES)),
  /**
   * BP2: this branch's own price, in the pull only (the device's branch); absent or null: the shop's `price`.
   * Set centrally (BP1), never by a device's product edit.
   */
  branchPrice: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(MAX_CENTS)))),
  /** Bumped on every change; the server's copy wins for editable records. */
  syncVersion: z.int().check(z.gte(1)),
  lastModified: z.iso.datetime({ offset: true }),
  /** A tombstone: the product was deleted; devices drop it (SPEC SY11). */
  deleted: z.optional(z.boolean()),
});

export type Product = z.infer<typeof productSchema>;

/** BP3: the price a product sells at on this branch's tills: the branch's own, else the shop's. */
export const priceHere = (product: { price: number; branchPrice?: number | null | undefined }): number =>
  product.branchPrice ?? product.price;

/**
 * What a device may send to create or edit a product. The fields added after protocol
 * version 1 shipped are optional: an edit that leaves one out keeps the server's value.
 */
export const productInputSchema = z
  .object({
    id: z.uuid(),
    name: productSchema.shape.name,
    price: productSchema.shape.price,
    barcode: z.optional(productSchema.shape.barcode),
    alternateBarcodes: productSchema.shape.alternateBarcodes,
    category: z.optional(productSchema.shape.category),
    sku: productSchema.shape.sku,
    genericName: productSchema.shape.genericName,
    brandName: productSchema.shape.brandName,
    cost: productSchema.shape.cost,
    requiresPrescription: productSchema.shape.requiresPrescription,
    schedule: productSchema.shape.schedule,
    reorderLevel: productSchema.shape.reorderLevel,
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
  })
  .check(
    z.refine((input) => !input.barcode || !input.alternateBarcodes?.includes(input.barcode), {
      message: "An extra barcode repeats the product's own.",
      path: ['alternateBarcodes'],
    }),
  );

export type ProductInput = z.infer<typeof productInputSchema>;
