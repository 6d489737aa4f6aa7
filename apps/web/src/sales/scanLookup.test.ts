import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { barcodeIndex, productForCode } from './scanLookup';

const product = (id: string, barcode: string | null, isActive = true): LocalProduct =>
  ({ id, name: id, price: 12_999, barcode, category: null, isActive }) as LocalProduct;
const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

const index = barcodeIndex([
  product('milk', '6001234567892'),
  product('mince', '2500045'),
  product('tray', '2100123'),
  product('old', '6009876543210', false),
  product('odd', withCheck('250004500750')),
]);

describe('productForCode (SPEC B1)', () => {
  it('finds a product by its full barcode, even one that looks like a scale label', () => {
    expect(productForCode(index, ' 6001234567892 ')?.product.id).toBe('milk');
    expect(productForCode(index, withCheck('250004500750'))).toEqual({
      product: index.get(withCheck('250004500750')),
      options: {},
    });
  });

  it('reads a weight or a price off a scale label and finds the product by its first seven digits', () => {
    expect(productForCode(index, withCheck('250004501250'))).toMatchObject({
      product: { id: 'mince' },
      options: { grams: 1250 },
    });
    expect(productForCode(index, withCheck('210012304550'))).toMatchObject({
      product: { id: 'tray' },
      options: { price: 4550 },
    });
  });

  it('finds nothing for an unknown code or an inactive product', () => {
    expect(productForCode(index, '6009876543210')).toBeNull();
    expect(productForCode(index, withCheck('259999900100'))).toBeNull();
  });
});
