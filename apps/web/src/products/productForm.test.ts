import { describe, expect, it } from 'vitest';
import { EMPTY_PRODUCT_FORM, alternateBarcodesProblem, readProductForm, splitBarcodes } from './productForm';

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
        alternateBarcodes: [],
        sku: null,
        genericName: null,
        brandName: null,
        cost: null,
        requiresPrescription: false,
        schedule: null,
        reorderLevel: null,
        isActive: true,
        taxClass: 'standard',
        favourite: false,
        trackStock: false,
        oversellPolicy: null,
      },
    });
  });

  it('CA1–CA6: reads the pharmacy fields: brand, extra barcodes, cost in rands, prescription, schedule, reorder level, active', () => {
    const medicine = {
      ...EMPTY_PRODUCT_FORM,
      name: 'Panado 500mg 24s',
      price: '39.99',
      barcode: '6001000000001',
      brandName: ' Panado ',
      alternateBarcodes: '6001000000018, PAN-OLD\n 6001000000025 ',
      cost: 'R 24,50',
      requiresPrescription: true,
      schedule: 'S2' as const,
      reorderLevel: ' 6 ',
      isActive: false,
    };
    expect(readProductForm(medicine, id)).toMatchObject({
      ok: true,
      input: {
        brandName: 'Panado',
        alternateBarcodes: ['6001000000018', 'PAN-OLD', '6001000000025'],
        cost: 2450,
        requiresPrescription: true,
        schedule: 'S2',
        reorderLevel: 6,
        isActive: false,
      },
    });
    expect(readProductForm({ ...medicine, cost: '0', reorderLevel: '0' }, id)).toMatchObject({
      ok: true,
      input: { cost: 0, reorderLevel: 0 },
    });
  });

  it('splits extra barcodes at commas, semicolons, spaces and new lines', () => {
    expect(splitBarcodes(' 1,2;3\n4\r\n 5 ,, ')).toEqual(['1', '2', '3', '4', '5']);
    expect(splitBarcodes('  ')).toEqual([]);
  });

  it('CA2: names what is wrong with the extra barcodes', () => {
    const form = { ...EMPTY_PRODUCT_FORM, name: 'Panado', price: '39.99', barcode: '6001000000001' };
    const cases = [
      ['600100000001!', 'format'],
      [Array.from({ length: 11 }, (_, index) => `X${index}`).join(','), 'tooMany'],
      ['6001000000018, 6001000000018', 'repeated'],
      ['6001000000001', 'sameAsBarcode'],
    ] as const;
    for (const [alternateBarcodes, problem] of cases) {
      const values = { ...form, alternateBarcodes };
      expect(alternateBarcodesProblem(values)).toBe(problem);
      expect(readProductForm(values, id)).toEqual({ ok: false, invalid: new Set(['alternateBarcodes']) });
    }
    const ten = Array.from({ length: 10 }, (_, index) => `X${index}`).join('\n');
    expect(alternateBarcodesProblem({ ...form, alternateBarcodes: ten })).toBeNull();
    expect(readProductForm({ ...form, alternateBarcodes: ten }, id).ok).toBe(true);
  });

  it('CA3, CA5: a cost must be rands and cents, a reorder level a whole number of units', () => {
    const form = { ...EMPTY_PRODUCT_FORM, name: 'Panado', price: '39.99' };
    for (const cost of ['-1', '12.505', 'abc']) {
      expect(readProductForm({ ...form, cost }, id)).toEqual({ ok: false, invalid: new Set(['cost']) });
    }
    for (const reorderLevel of ['-1', '2.5', 'six', '10000000']) {
      expect(readProductForm({ ...form, reorderLevel }, id)).toEqual({ ok: false, invalid: new Set(['reorderLevel']) });
    }
    expect(readProductForm({ ...form, brandName: 'x'.repeat(121) }, id)).toEqual({
      ok: false,
      invalid: new Set(['brandName']),
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
