import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.js';
import { isTaxInvoice, isVatNumber, missingParticulars, vatDocumentKind } from './vatDocument.js';

const shop = { name: 'Nomsa’s Spaza', address: '12 Vilakazi St, Soweto', vatNumber: '4123456789' };
const buyer = { name: 'Sipho Building Supplies', address: '3 Main Rd, Orlando', vatNumber: null };

describe('VAT documents (SPEC VD)', () => {
  it('VD1: a shop not registered for VAT issues a plain receipt, never a tax invoice, whatever the total', () => {
    for (const total of [1, 5_000, 5_001, 500_000, 500_001, 10_000_000]) {
      const kind = vatDocumentKind(cents(total), false);
      expect(kind).toBe('receipt');
      expect(isTaxInvoice(kind)).toBe(false);
    }
  });

  it('VD2: up to R 50 a till slip will do; a cent more needs a tax invoice', () => {
    expect(vatDocumentKind(cents(5_000), true)).toBe('till_slip');
    expect(vatDocumentKind(cents(5_001), true)).toBe('abridged_tax_invoice');
    expect(isTaxInvoice('till_slip')).toBe(false);
  });

  it('VD3, VD4: up to R 5 000 an abridged tax invoice; above it a full one', () => {
    expect(vatDocumentKind(cents(500_000), true)).toBe('abridged_tax_invoice');
    expect(vatDocumentKind(cents(500_001), true)).toBe('full_tax_invoice');
    expect(isTaxInvoice('full_tax_invoice')).toBe(true);
  });

  it('VD6: a tax invoice needs the supplier’s address and VAT number; a full one the buyer’s name and address', () => {
    expect(missingParticulars('abridged_tax_invoice', { supplier: shop })).toEqual([]);
    expect(
      missingParticulars('abridged_tax_invoice', { supplier: { ...shop, address: ' ', vatNumber: null } }),
    ).toEqual(['supplierAddress', 'supplierVatNumber']);
    expect(missingParticulars('full_tax_invoice', { supplier: shop })).toEqual(['recipientName', 'recipientAddress']);
    expect(missingParticulars('full_tax_invoice', { supplier: shop, recipient: buyer })).toEqual([]);
    expect(missingParticulars('till_slip', { supplier: { ...shop, vatNumber: null } })).toEqual([]);
    expect(missingParticulars('receipt', { supplier: { name: 'Spaza', address: null, vatNumber: null } })).toEqual([]);
  });

  it('VD7: a VAT number is ten digits starting with 4', () => {
    expect(isVatNumber(' 4123456789 ')).toBe(true);
    for (const text of ['412345678', '5123456789', '41234567890', '4123-456789']) expect(isVatNumber(text)).toBe(false);
  });
});
