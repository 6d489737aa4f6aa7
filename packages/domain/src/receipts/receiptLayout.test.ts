import { describe, expect, it } from 'vitest';
import type { SaleContent } from '../sales/sale.js';
import { escposReceipt } from './escposReceipt.js';
import { printReceiptHtml } from './printReceipt.js';
import { buildReceipt } from './receipt.js';
import { FIXTURE_DEVICE, breadSale, registeredShop, wholesaleSale } from './receiptFixtures.js';
import { formatReceiptDate, receiptLayout } from './receiptLayout.js';
import { RECEIPT_LANGUAGES, type ReceiptLanguage } from './receiptWords.js';
import { whatsappReceipt } from './whatsappReceipt.js';

/** A one-line sale of `total` cents, paid by card. */
function saleOf(total: number): SaleContent {
  return {
    ...breadSale,
    items: [{ productId: '00000000-0000-4000-8000-000000000001', name: 'Goods', quantity: 1, price: total }],
    totalAmount: total,
    tendered: total,
    change: 0,
    rounding: 0,
    paymentMethod: 'card',
    tenders: [{ method: 'card', amount: total }],
  };
}

/** Every rendering's text of a sale, in one language (ESC/POS bytes read as Latin-1). */
function everyRendering(sale: SaleContent, language: ReceiptLanguage, shop = registeredShop): string[] {
  const layout = receiptLayout(buildReceipt({ sale, deviceId: FIXTURE_DEVICE, number: 'T1-9', shop }), language);
  const escpos = String.fromCharCode(...escposReceipt(layout, { paper: 80 }));
  return [whatsappReceipt(layout), printReceiptHtml(layout, 58), escpos];
}

describe('VAT documents through every rendering (SPEC VD, RX)', () => {
  it('VD2, VD3, VD5: "Tax Invoice" from a cent above R 50, never at R 50, in every language', () => {
    for (const language of RECEIPT_LANGUAGES) {
      for (const text of everyRendering(saleOf(5_000), language)) expect(text).not.toMatch(/tax invoice/i);
      for (const text of everyRendering(saleOf(5_001), language)) expect(text).toMatch(/tax invoice/i);
    }
  });

  it('VD3, VD4: at R 5 000 an abridged invoice (no buyer, no value without VAT); a cent above, a full one', () => {
    const abridged = receiptLayout(
      buildReceipt({ sale: saleOf(500_000), deviceId: FIXTURE_DEVICE, number: 'T1-1', shop: registeredShop }),
      'en',
    );
    expect(abridged.totals.map((row) => row.label)).not.toContain('Total excl. VAT');
    const full = buildReceipt({
      sale: saleOf(500_001),
      deviceId: FIXTURE_DEVICE,
      number: 'T1-2',
      shop: registeredShop,
    });
    expect(full.kind).toBe('full_tax_invoice');
    expect(receiptLayout(full, 'en').totals.map((row) => row.label)).toContain('Total excl. VAT');
  });

  it('VD1, VD5: a shop not registered for VAT never prints "Tax Invoice", a VAT number or VAT marks', () => {
    const unregistered = { ...registeredShop, vatNumber: null };
    for (const language of RECEIPT_LANGUAGES) {
      for (const total of [5_000, 5_001, 500_001]) {
        for (const text of everyRendering(saleOf(total), language, unregistered)) {
          expect(text).not.toMatch(/tax invoice|belastingfaktuur|i-invoyisi|4123456789/i);
        }
      }
    }
  });

  it('VD6: a tax invoice names the supplier, its address and VAT number, the number, the date and the VAT with its rate', () => {
    const receipt = buildReceipt({
      sale: saleOf(10_000),
      deviceId: FIXTURE_DEVICE,
      number: 'T1-7',
      shop: registeredShop,
    });
    const expected = {
      en: ['VAT no. 4123456789', 'VAT at 15% included', 'Receipt no.'],
      af: ['BTW-nr. 4123456789', 'BTW teen 15% ingesluit', 'Kwitansie nr.'],
      zu: ['Inombolo ye-VAT 4123456789', 'I-VAT engu-15% ifakiwe', 'Inombolo yerisidi'],
    };
    for (const language of RECEIPT_LANGUAGES) {
      const text = whatsappReceipt(receiptLayout(receipt, language));
      for (const part of [
        registeredShop.name,
        registeredShop.address ?? '',
        'T1-7',
        formatReceiptDate(breadSale.createdAt),
        'R 13,04',
        ...expected[language],
      ]) {
        expect(text).toContain(part);
      }
    }
  });

  it('VD4, VD6: a full tax invoice names the buyer, their address and VAT number', () => {
    const receipt = buildReceipt({
      sale: wholesaleSale,
      deviceId: FIXTURE_DEVICE,
      number: 'T1-3',
      shop: registeredShop,
    });
    const { buyerLines } = receiptLayout(receipt, 'en');
    expect(buyerLines).toEqual(['Buyer: Mandla’s Tuck Shop', '4 Mofolo Rd, Soweto', 'Buyer’s VAT no. 4987654321']);
  });

  it('VD6: zero-rated lines are marked Z and the mark explained', () => {
    const layout = receiptLayout(
      buildReceipt({ sale: breadSale, deviceId: FIXTURE_DEVICE, number: 'T1-1', shop: registeredShop }),
      'en',
    );
    expect(layout.items.map((item) => item.mark)).toEqual([null, 'Z']);
    expect(layout.legend).toEqual(['Z = zero-rated']);
  });

  it('RX3: the date is South African time, the same whatever zone the timestamp was written in', () => {
    expect(formatReceiptDate('2026-11-30T22:30:00.000Z')).toBe('2026/12/01 00:30');
    expect(formatReceiptDate('2026-12-01T00:30:00+02:00')).toBe('2026/12/01 00:30');
  });
});
