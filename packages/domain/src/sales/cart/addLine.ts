import { isCents } from '../../money/cents.js';
import { priceHere } from '../../catalog/product.js';
import { MAX_LINE_QUANTITY, MAX_WEIGHT_GRAMS, weighedPrice } from '../sale.js';
import type { TaxClass } from '../vat.js';
import { accept, refuse, type Cart, type CartLine, type CartResult } from './cart.js';

export interface ProductToSell {
  id: string;
  name: string;
  /** VAT inclusive; per kilogram for goods sold by weight. */
  price: number;
  /** BP3: the till's branch sells at its own price when it has one. */
  branchPrice?: number | null | undefined;
  taxClass?: TaxClass;
}

export interface AddOptions {
  /** The id the new line gets, if one is made. */
  lineId: string;
  quantity?: number;
  /** A weighed item (S5): its weight; the product's price is per kilogram. */
  grams?: number;
  /** A price-embedded barcode's price for this one item. */
  price?: number;
}

const isQuantity = (value: number) => Number.isInteger(value) && value >= 1 && value <= MAX_LINE_QUANTITY;

/**
 * C2: adds a product. A plain unit joins the product's plain line (same price,
 * no note, no override, no picked batch) if there is one; a weighed or price-labelled item is a
 * line of its own.
 */
export function addLine(cart: Cart, product: ProductToSell, options: AddOptions): CartResult {
  const { lineId, quantity = 1, grams, price } = options;
  const listed = priceHere(product);
  if (!isQuantity(quantity)) return refuse('QUANTITY_INVALID');
  if (!isCents(listed) || (price !== undefined && !isCents(price))) return refuse('PRICE_INVALID');
  const base = {
    lineId,
    productId: product.id,
    name: product.name,
    // V1: a line without a class is standard-rated, so only the others are written.
    ...(product.taxClass && product.taxClass !== 'standard' && { taxClass: product.taxClass }),
  };

  if (grams !== undefined) {
    if (!Number.isInteger(grams) || grams < 1 || grams > MAX_WEIGHT_GRAMS) return refuse('WEIGHT_INVALID');
    const line: CartLine = {
      ...base,
      quantity: 1,
      price: weighedPrice(listed, grams),
      weight: { grams, pricePerKg: listed },
    };
    return accept({ ...cart, lines: [...cart.lines, line] });
  }
  if (price !== undefined) return accept({ ...cart, lines: [...cart.lines, { ...base, quantity, price }] });

  const plain = cart.lines.find(
    (line) =>
      line.productId === product.id &&
      line.price === listed &&
      !line.weight &&
      !line.override &&
      !line.note &&
      !line.batchId,
  );
  if (!plain) return accept({ ...cart, lines: [...cart.lines, { ...base, quantity, price: listed }] });
  const total = plain.quantity + quantity;
  if (!isQuantity(total)) return refuse('QUANTITY_INVALID');
  return accept({
    ...cart,
    lines: cart.lines.map((line) => (line === plain ? { ...line, quantity: total } : line)),
  });
}
