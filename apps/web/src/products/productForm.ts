import {
  parseRands,
  productInputSchema,
  type OversellPolicy,
  type ProductInput,
  type TaxClass,
} from '@opentill/domain';

export type ProductField = 'name' | 'price' | 'barcode' | 'category' | 'sku' | 'genericName';
const FIELDS: readonly ProductField[] = ['name', 'price', 'barcode', 'category', 'sku', 'genericName'];

/** "If it runs out": the shop's policy (null on the wire), or this product's own. */
export type OversellChoice = 'shop' | OversellPolicy;
export const OVERSELL_CHOICES: readonly OversellChoice[] = ['shop', 'flag', 'reject'];

export interface ProductFormValues {
  name: string;
  price: string;
  barcode: string;
  category: string;
  sku: string;
  genericName: string;
  taxClass: TaxClass;
  favourite: boolean;
  trackStock: boolean;
  oversellPolicy: OversellChoice;
}

export const EMPTY_PRODUCT_FORM: ProductFormValues = {
  name: '',
  price: '',
  barcode: '',
  category: '',
  sku: '',
  genericName: '',
  taxClass: 'standard',
  favourite: false,
  trackStock: false,
  oversellPolicy: 'shop',
};

/**
 * Turns what was typed into a product input checked by the domain schema, or
 * names the fields that are wrong. The price is typed in rands and parsed to
 * cents digit by digit (parseRands): no floating point touches money.
 */
export function readProductForm(
  values: ProductFormValues,
  id: string,
): { ok: true; input: ProductInput } | { ok: false; invalid: Set<ProductField> } {
  const price = parseRands(values.price);
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  const parsed = productInputSchema.safeParse({
    id,
    name: values.name,
    price: price ?? 0,
    barcode: optional(values.barcode),
    category: optional(values.category),
    sku: optional(values.sku),
    genericName: optional(values.genericName),
    taxClass: values.taxClass,
    favourite: values.favourite,
    trackStock: values.trackStock,
    oversellPolicy: values.oversellPolicy === 'shop' ? null : values.oversellPolicy,
  });
  const invalid = new Set<ProductField>();
  if (price === null) invalid.add('price');
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((known) => known === issue.path[0]);
      if (field) invalid.add(field);
    }
  }
  if (!parsed.success || invalid.size > 0) return { ok: false, invalid };
  return { ok: true, input: parsed.data };
}
