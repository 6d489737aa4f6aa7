import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS, receiptLayout, whatsappReceipt, type SaleContent } from '@opentill/domain';
import type { LocalSale } from '../db';
import {
  defaultReceiptLanguage,
  paidInCash,
  receiptOf,
  receiptSourceOf,
  takeDrawerOpening,
  type ReceiptSource,
} from './receiptSource';

const DEVICE = '3f9a1c2b-0000-4000-8000-0000000000d1';
const PRODUCT = '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11';

const sale = (overrides: Partial<LocalSale> = {}): LocalSale => ({
  localId: 'sale_AAAAAAAAAAAAAAAA',
  items: [{ productId: PRODUCT, name: 'Bread', price: 1899, quantity: 4 }],
  totalAmount: 7596,
  paymentMethod: 'cash',
  tendered: 8000,
  change: 404,
  createdAt: '2026-11-30T10:00:00.000Z',
  chain: { seq: 42, previousHash: '0'.repeat(64), hash: 'a'.repeat(64) },
  syncState: 'pending',
  cashier: { userId: '00000000-0000-4000-8000-0000000000a1', name: 'Thabo' },
  ...overrides,
});

const source = (content: SaleContent = sale()): ReceiptSource => ({
  sale: content,
  deviceId: DEVICE,
  receiptNumber: '3F9A1C-42',
  cashier: 'Thabo',
});

const registered = {
  ...DEFAULT_SHOP_SETTINGS,
  vatNumber: '4123456789',
  address: '12 Vilakazi St',
  phone: '082 555 1234',
};

describe('a receipt from a sale on the phone', () => {
  it('names the shop from the session and its settings, the number, cashier and customer', () => {
    const receipt = receiptOf(source(), 'Nomsa’s Spaza', registered, { name: 'Thandi', phone: '+27825551234' }, false);
    expect(receipt.shop).toEqual({
      name: 'Nomsa’s Spaza',
      address: '12 Vilakazi St',
      phone: '082 555 1234',
      vatNumber: '4123456789',
    });
    expect(receipt.number).toBe('3F9A1C-42');
    expect(receipt.cashier).toBe('Thabo');
    expect(receipt.customer).toEqual({ name: 'Thandi', phone: '+27825551234' });
    expect(receipt.kind).toBe('abridged_tax_invoice'); // R 75,96: above R 50
    expect(receipt.copy).toBe(false);
  });

  it('is a plain receipt for a shop without a VAT number, and a copy says so in each language', () => {
    const receipt = receiptOf(source(), 'Spaza', DEFAULT_SHOP_SETTINGS, null, true);
    expect(receipt.kind).toBe('receipt');
    expect(receiptLayout(receipt, 'en').copy).toBe('COPY');
    expect(receiptLayout(receipt, 'af').copy).toBe('AFSKRIF');
    expect(whatsappReceipt(receiptLayout(receipt, 'zu'))).toContain('*IKHOPHI*');
  });

  it('stands the sale’s reference in for a number it does not have, and works before settings arrive', () => {
    const receipt = receiptOf({ ...source(), receiptNumber: null }, 'Spaza', undefined, null, false);
    expect(receipt.number).toBe('sale_AAAAAAAAAAAAAAAA');
    expect(receipt.shop.vatNumber).toBeNull();
  });

  it('takes the cashier of a found sale from this phone’s sale or the server’s answer', () => {
    expect(receiptSourceOf({ deviceId: DEVICE, receiptNumber: 'X-1', sale: sale() }).cashier).toBe('Thabo');
    const { cashier: _cashier, ...fromServer } = sale();
    expect(
      receiptSourceOf({ deviceId: DEVICE, receiptNumber: 'X-1', sale: fromServer, cashier: 'Sipho' }).cashier,
    ).toBe('Sipho');
    expect(receiptSourceOf({ deviceId: DEVICE, receiptNumber: null, sale: fromServer }).cashier).toBeNull();
  });
});

describe('the receipt language to start with', () => {
  it('is the app’s when a receipt can be written in it, else English', () => {
    expect(defaultReceiptLanguage('af')).toBe('af');
    expect(defaultReceiptLanguage('zu-ZA')).toBe('zu');
    expect(defaultReceiptLanguage('fr')).toBe('en');
  });
});

describe('the cash drawer', () => {
  it('opens on the first print of a sale paid partly in cash, never again and never on a copy', () => {
    const split = sale({
      localId: 'sale_BBBBBBBBBBBBBBBB',
      paymentMethod: 'split',
      tenders: [
        { method: 'card', amount: 4000 },
        { method: 'cash', amount: 3596, tendered: 4000 },
      ],
    });
    expect(paidInCash(split)).toBe(true);
    expect(takeDrawerOpening(source(split), true)).toBe(false);
    expect(takeDrawerOpening(source(split), false)).toBe(true);
    expect(takeDrawerOpening(source(split), false)).toBe(false);
  });

  it('stays shut for a sale paid without cash', () => {
    const card = sale({
      localId: 'sale_CCCCCCCCCCCCCCCC',
      paymentMethod: 'card',
      tendered: 7596,
      change: 0,
      tenders: [{ method: 'card', amount: 7596 }],
    });
    expect(paidInCash(card)).toBe(false);
    expect(takeDrawerOpening(source(card), false)).toBe(false);
  });
});
