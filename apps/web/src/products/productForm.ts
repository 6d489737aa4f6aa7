import {
  BARCODE_PATTERN,
  MAX_ALTERNATE_BARCODES,
  parseRands,
  productInputSchema,
  type MedicineSchedule,
  type OversellPolicy,
  type ProductInput,
  type TaxClass,
} from '@opentill/domain';
import { parseQuantity } from '../stock/quantity';

export type ProductField =
  | 'name'
  | 'price'
  | 'barcode'
  | 'alternateBarcodes'
  | 'category'
  | 'sku'
  | 'genericName'
  | 'brandName'
  | 'cost'
  | 'reorderLevel';
const FIELDS: readonly ProductField[] = [
  'name',
  'price',
  'barcode',
  'alternateBarcodes',
  'category',
  'sku',
  'genericName',
  'brandName',
  'cost',
  'reorderLevel',
];

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
  brandName: string;
  /** Extra barcodes as typed or scanned: separated by commas, spaces or new lines (SPEC CA2). */
  alternateBarcodes: string;
  /** The buying price in rands, or blank (CA3). */
  cost: string;
  requiresPrescription: boolean;
  /** A medicine schedule, or '' for none (CA4). */
  schedule: MedicineSchedule | '';
  /** Units, or blank for no low-stock line (CA5). */
  reorderLevel: string;
  /** Sold at the till (CA6). */
  isActive: boolean;
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
  brandName: '',
  alternateBarcodes: '',
  cost: '',
  requiresPrescription: false,
  schedule: '',
  reorderLevel: '',
  isActive: true,
  taxClass: 'standard',
  favourite: false,
  trackStock: false,
  oversellPolicy: 'shop',
};

/** The extra barcodes typed: split at commas, semicolons, spaces and new lines (a barcode has none). */
export function splitBarcodes(text: string): string[] {
  return text.split(/[\s,;]+/).filter((code) => code !== '');
}

/** Why the extra barcodes typed are wrong, for the message under the field; null when they are fine. */
export type AlternateBarcodesProblem = 'format' | 'tooMany' | 'repeated' | 'sameAsBarcode';

export function alternateBarcodesProblem(values: ProductFormValues): AlternateBarcodesProblem | null {
  const codes = splitBarcodes(values.alternateBarcodes);
  if (codes.some((code) => !BARCODE_PATTERN.test(code))) return 'format';
  if (codes.length > MAX_ALTERNATE_BARCODES) return 'tooMany';
  if (new Set(codes).size !== codes.length) return 'repeated';
  if (codes.includes(values.barcode.trim())) return 'sameAsBarcode';
  return null;
}

/**
 * Turns what was typed into a product input checked by the domain schema, or
 * names the fields that are wrong. The price and the cost are typed in rands and
 * parsed to cents digit by digit (parseRands): no floating point touches money.
 */
export function readProductForm(
  values: ProductFormValues,
  id: string,
): { ok: true; input: ProductInput } | { ok: false; invalid: Set<ProductField> } {
  const price = parseRands(values.price);
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  const costText = optional(values.cost);
  const cost = costText === null ? null : parseRands(costText);
  const levelText = optional(values.reorderLevel);
  const reorderLevel = levelText === null ? null : parseQuantity(levelText, 0);
  const parsed = productInputSchema.safeParse({
    id,
    name: values.name,
    price: price ?? 0,
    barcode: optional(values.barcode),
    alternateBarcodes: splitBarcodes(values.alternateBarcodes),
    category: optional(values.category),
    sku: optional(values.sku),
    genericName: optional(values.genericName),
    brandName: optional(values.brandName),
    cost,
    requiresPrescription: values.requiresPrescription,
    schedule: values.schedule === '' ? null : values.schedule,
    reorderLevel,
    isActive: values.isActive,
    taxClass: values.taxClass,
    favourite: values.favourite,
    trackStock: values.trackStock,
    oversellPolicy: values.oversellPolicy === 'shop' ? null : values.oversellPolicy,
  });
  const invalid = new Set<ProductField>();
  if (price === null) invalid.add('price');
  if (costText !== null && cost === null) invalid.add('cost');
  if (levelText !== null && reorderLevel === null) invalid.add('reorderLevel');
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((known) => known === issue.path[0]);
      if (field) invalid.add(field);
    }
  }
  if (!parsed.success || invalid.size > 0) return { ok: false, invalid };
  return { ok: true, input: parsed.data };
}
