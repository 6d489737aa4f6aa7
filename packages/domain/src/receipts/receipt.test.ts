import { describe, expect, it } from 'vitest';
import type { SaleContent } from '../sales/sale.js';
import { buildReceipt, type ReceiptShop } from './receipt.js';

const DEVICE = '3f9a1c2b-0000-4000-8000-0000000000d1';
const registered: ReceiptShop = {
  name: 'Nomsa’s Spaza',
  address: '12 Vilakazi St, Soweto',
  phone: '+27825551234',
  vatNumber: '4123456789',
};

/** White bread (standard) and brown bread (zero-rated), R 35,48, paid R 40 in cash, rounded to R 35,40. */
const sale: SaleContent = {
  localId: 'sale_0000000001',
  items: [
    { productId: '00000000-0000-4000-8000-00000000000a', name: 'White bread', quantity: 1, price: 1899 },
    {
      productId: '00000000-0000-4000-8000-00000000000b',
      name: 'Brown bread',
      quantity: 1,
      price: 1649,
      taxClass: 'zero',
    },
  ],
  totalAmount: 3548,
  paymentMethod: 'cash',
  tendered: 4000,
  change: 460,
  tenders: [{ method: 'cash', amount: 3540, tendered: 4000 }],
  vat: 248,
  rounding: 8,
  createdAt: '2026-11-30T10:00:00+02:00',
};

describe('the receipt model (SPEC RX)', () => {
  it('RX1: lines, VAT by class and tenders from the sale; the code names the sale for returns', () => {
    const receipt = buildReceipt({ sale, deviceId: DEVICE, number: '3F9A1C-1', shop: registered, cashier: 'Thandi' });
    expect(receipt).toMatchObject({
      kind: 'till_slip',
      taxInvoice: false,
      number: '3F9A1C-1',
      code: `OT1:${DEVICE}:sale_0000000001`,
      cashier: 'Thandi',
      total: 3548,
      rounding: 8,
      vat: { standard: 1899, zero: 1649, exempt: 0, amount: 248 },
      change: 460,
      copy: false,
    });
    expect(receipt.lines.map((line) => [line.name, line.taxClass, line.total])).toEqual([
      ['White bread', 'standard', 1899],
      ['Brown bread', 'zero', 1649],
    ]);
    expect(receipt.vat.amount).toBe(sale.vat);
  });

  it('VD1–VD4 through the model: the kind follows the total and the shop’s registration', () => {
    const [white] = sale.items;
    if (!white) throw new Error('the sale has lines');
    const over50: SaleContent = {
      ...sale,
      items: [{ ...white, quantity: 3 }],
      totalAmount: 5697,
      tendered: 5697,
      change: 0,
      tenders: [{ method: 'card', amount: 5697 }],
      rounding: 0,
    };
    expect(buildReceipt({ sale: over50, deviceId: DEVICE, number: 'X-1', shop: registered }).kind).toBe(
      'abridged_tax_invoice',
    );
    const unregistered = { ...registered, vatNumber: null };
    const receipt = buildReceipt({ sale: over50, deviceId: DEVICE, number: 'X-1', shop: unregistered, copy: true });
    expect(receipt).toMatchObject({ kind: 'receipt', taxInvoice: false, copy: true });
  });
});
