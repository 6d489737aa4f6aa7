import * as z from 'zod/mini';
import { normalizeZaPhone } from '../auth/registration.js';
import { sameBranchName } from '../shop/branches.js';

/**
 * A shop's suppliers (SPEC PO1): managed online by whoever may manage suppliers
 * (`supplier:write`), read also by whoever receives stock. Never deleted: a
 * supplier the shop stops buying from is made inactive, so its orders keep a name.
 */
export const supplierNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

/** Kept as the owner typed it; it must read as a South African number so WhatsApp can reach it. */
const supplierPhoneSchema = z.string().check(
  z.trim(),
  z.maxLength(30),
  z.refine((phone) => normalizeZaPhone(phone) !== null, 'Enter a South African phone number, e.g. 082 123 4567.'),
);

export const supplierInputSchema = z.object({
  name: supplierNameSchema,
  phone: z.optional(z.nullable(supplierPhoneSchema)),
  email: z.optional(z.nullable(z.email().check(z.maxLength(254)))),
  notes: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(500)))),
  active: z.optional(z.boolean()),
});
export type SupplierInput = z.infer<typeof supplierInputSchema>;

/** A change to a supplier: only the fields given change. */
export const supplierPatchSchema = z.partial(supplierInputSchema);
export type SupplierPatch = z.infer<typeof supplierPatchSchema>;

export const supplierSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  active: z.boolean(),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierListSchema = z.object({ suppliers: z.array(supplierSchema) });

/** PO1: supplier names are unique in a shop as branch names are (BR1): case and spacing aside. */
export function sameSupplierName(a: string, b: string): boolean {
  return sameBranchName(a, b);
}
