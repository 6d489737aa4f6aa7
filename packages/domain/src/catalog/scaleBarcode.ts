import { isValidEan13 } from './barcode.js';

/**
 * In-store barcodes for loose goods (GS1 prefixes 20–29, SPEC B1): a scale or
 * label printer prints `PP IIIII VVVVV C`: a two-digit prefix, a five-digit item
 * code, a five-digit value and the check digit. Prefixes 20–24 carry the price in
 * cents (up to R999,99), 25–29 the weight in grams (up to 99,999 kg): the layout
 * most South African scales print by default (decision D26). The product's own
 * barcode is the first seven digits, `PPIIIII`.
 */
export type ScaleBarcode =
  { productCode: string; kind: 'price'; cents: number } | { productCode: string; kind: 'weight'; grams: number };

export function parseScaleBarcode(code: string): ScaleBarcode | null {
  if (!isValidEan13(code) || code[0] !== '2') return null;
  const productCode = code.slice(0, 7);
  const value = Number(code.slice(7, 12));
  if (value === 0) return null;
  return Number(code[1]) <= 4
    ? { productCode, kind: 'price', cents: value }
    : { productCode, kind: 'weight', grams: value };
}
