import { describe, expect, it } from 'vitest';
import { EMPTY_PRODUCT_FORM, readProductForm } from './productForm';

const id = '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11';

describe('readProductForm', () => {
  it('parses the price in rands to cents and turns blanks into null', () => {
    const result = readProductForm(
      { ...EMPTY_PRODUCT_FORM, name: ' Bread ', price: '18,99', barcode: ' ', category: '' },
      id,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        id,
        name: 'Bread',
        price: 1899,
        barcode: null,
        category: null,
        sku: null,
        genericName: null,
        taxClass: 'standard',
        favourite: false,
        trackStock: false,
        oversellPolicy: null,
      },
    });
  });

  it('keeps a stock code, a generic name, a VAT class and the favourite mark', () => {
    const medicine = {
      ...EMPTY_PRODUCT_FORM,
      name: 'Panado 500mg 24s',
      price: '39.99',
      sku: ' PAN-24 ',
      genericName: 'paracetamol',
      taxClass: 'zero' as const,
      favourite: true,
    };
    expect(readProductForm(medicine, id)).toMatchObject({
      ok: true,
      input: { sku: 'PAN-24', genericName: 'paracetamol', taxClass: 'zero', favourite: true },
    });
  });

  it("sends the stock settings: the shop's policy as null, a product's own as itself", () => {
    const tracked = { ...EMPTY_PRODUCT_FORM, name: 'Milk', price: '21.99', trackStock: true };
    expect(readProductForm(tracked, id)).toMatchObject({ ok: true, input: { trackStock: true, oversellPolicy: null } });
    expect(readProductForm({ ...tracked, oversellPolicy: 'reject' }, id)).toMatchObject({
      ok: true,
      input: { trackStock: true, oversellPolicy: 'reject' },
    });
  });

  it('names each wrong field', () => {
    const result = readProductForm(
      {
        ...EMPTY_PRODUCT_FORM,
        name: '',
        price: '18.999',
        barcode: 'no spaces!',
        category: 'x'.repeat(61),
        sku: 'x'.repeat(65),
        genericName: 'x'.repeat(121),
      },
      id,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([...result.invalid].sort()).toEqual(['barcode', 'category', 'genericName', 'name', 'price', 'sku']);
    }
  });

  it('rejects an empty price', () => {
    const result = readProductForm({ ...EMPTY_PRODUCT_FORM, name: 'Milk' }, id);
    expect(result).toEqual({ ok: false, invalid: new Set(['price']) });
  });
});
