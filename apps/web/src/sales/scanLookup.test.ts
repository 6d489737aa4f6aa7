import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { barcodeIndex, productForCode } from './scanLookup';

const product = (id: string, barcode: string | null, isActive = true, alternateBarcodes?: string[]): LocalProduct =>
  ({ id, name: id, price: 12_999, barcode, category: null, isActive, alternateBarcodes }) as LocalProduct;
const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

const index = barcodeIndex([
  product('milk', '6001234567892'),
  product('mince', '2500045'),
  product('tray', '2100123'),
  product('old', '6009876543210', false),
  product('odd', withCheck('250004500750')),
  product('panado', '6001000000001', true, ['6001000000018', 'PAN-OLD', '6001234567892', '2500046']),
  product('retired', '6001000000025', false, ['6001000000032']),
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

describe('extra barcodes (SPEC CA2, CA6)', () => {
  it('CA2: a scan of any of a product’s extra barcodes finds it', () => {
    expect(productForCode(index, '6001000000018')).toMatchObject({ product: { id: 'panado' }, options: {} });
    expect(productForCode(index, ' PAN-OLD ')?.product.id).toBe('panado');
    expect(productForCode(index, '6001000000001')?.product.id).toBe('panado');
  });

  it('a product’s own barcode wins over another product’s extra one', () => {
    expect(productForCode(index, '6001234567892')?.product.id).toBe('milk');
  });

  it('an extra barcode may be a scale label’s product code', () => {
    expect(productForCode(index, withCheck('250004600500'))).toMatchObject({
      product: { id: 'panado' },
      options: { grams: 500 },
    });
  });

  it('CA6: an inactive product’s barcodes find nothing', () => {
    expect(productForCode(index, '6001000000025')).toBeNull();
    expect(productForCode(index, '6001000000032')).toBeNull();
  });
});
