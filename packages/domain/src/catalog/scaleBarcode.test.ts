import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from './barcode.js';
import { parseScaleBarcode } from './scaleBarcode.js';

const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

describe('scale barcodes (SPEC B1)', () => {
  it('B1: prefixes 20–24 carry a price in cents, 25–29 a weight in grams', () => {
    expect(parseScaleBarcode(withCheck('210012301499'))).toEqual({
      productCode: '2100123',
      kind: 'price',
      cents: 1499,
    });
    expect(parseScaleBarcode(withCheck('250004500750'))).toEqual({
      productCode: '2500045',
      kind: 'weight',
      grams: 750,
    });
  });

  it('B1: anything else is an ordinary barcode', () => {
    expect(parseScaleBarcode('6001234567892')).toBeNull(); // a GS1 South Africa product
    expect(parseScaleBarcode(withCheck('210012301499').replace(/.$/, '0'))).toBeNull(); // wrong check digit
    expect(parseScaleBarcode(withCheck('210012300000'))).toBeNull(); // no value
    expect(parseScaleBarcode('2100123')).toBeNull();
  });
});
