import type { SaleContent } from '../sales/sale.js';
import { buildReceipt, type Receipt, type ReceiptShop } from './receipt.js';

/**
 * Receipts the golden and PDF tests share: one per VAT document kind, each with
 * the parts that kind prints (zero-rated and exempt lines, a weighed line, split
 * tenders, cash rounding, a buyer). Test data only; not exported from the package.
 */
export const FIXTURE_DEVICE = '3f9a1c2b-0000-4000-8000-0000000000d1';

export const registeredShop: ReceiptShop = {
  name: 'Nomsa’s Spaza',
  address: '12 Vilakazi St, Orlando West, Soweto',
  phone: '082 555 1234',
  vatNumber: '4123456789',
};

const product = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** R 35,48 of bread paid in cash, rounded to R 35,40: a till slip. */
export const breadSale: SaleContent = {
  localId: 'sale_0000000001',
  items: [
    { productId: product(1), name: 'White bread 700g', quantity: 1, price: 1899 },
    { productId: product(2), name: 'Brown bread 700g', quantity: 1, price: 1649, taxClass: 'zero' },
  ],
  totalAmount: 3548,
  paymentMethod: 'cash',
  tendered: 5000,
  change: 1460,
  tenders: [{ method: 'cash', amount: 3540, tendered: 5000 }],
  vat: 248,
  rounding: 8,
  createdAt: '2026-11-30T08:05:00.000Z',
};

/** R 404,46 over card and Zapper, with a weighed, a zero-rated and an exempt line: an abridged tax invoice. */
export const groceriesSale: SaleContent = {
  localId: 'sale_0000000002',
  items: [
    { productId: product(3), name: 'Sunflower oil 2L', quantity: 2, price: 8999 },
    { productId: product(4), name: 'Maize meal 5kg', quantity: 1, price: 7499, taxClass: 'zero' },
    {
      productId: product(5),
      name: 'Boerewors',
      quantity: 1,
      price: 11_249,
      weight: { grams: 1250, pricePerKg: 8999 },
    },
    { productId: product(6), name: 'Taxi fare voucher', quantity: 1, price: 3700, taxClass: 'exempt' },
  ],
  totalAmount: 40_446,
  paymentMethod: 'split',
  tendered: 40_446,
  change: 0,
  tenders: [
    { method: 'card', amount: 30_000 },
    { method: 'mobile_money', amount: 10_446, provider: 'zapper' },
  ],
  vat: 3815,
  createdAt: '2026-11-30T14:47:00.000Z',
};

/** R 6 250,00 of stock for a tuck shop, on card: a full tax invoice naming the buyer. */
export const wholesaleSale: SaleContent = {
  localId: 'sale_0000000003',
  items: [{ productId: product(7), name: 'Cold drink 24-pack', quantity: 25, price: 25_000 }],
  totalAmount: 625_000,
  paymentMethod: 'card',
  tendered: 625_000,
  change: 0,
  tenders: [{ method: 'card', amount: 625_000 }],
  vat: 81_522,
  buyer: { name: 'Mandla’s Tuck Shop', address: '4 Mofolo Rd, Soweto', vatNumber: '4987654321' },
  createdAt: '2026-11-30T16:30:00.000Z',
};

/** Every kind of document a sale's slip can be, with its name for file names. */
export function fixtureReceipts(): { name: string; receipt: Receipt }[] {
  const build = (sale: SaleContent, seq: number, shop = registeredShop, copy = false) =>
    buildReceipt({
      sale,
      deviceId: FIXTURE_DEVICE,
      number: `T1-${seq}`,
      shop,
      cashier: 'Thandi',
      customer: seq === 2 ? { name: 'Sipho Dlamini', phone: '072 123 4567' } : null,
      copy,
    });
  return [
    { name: 'till-slip', receipt: build(breadSale, 1) },
    { name: 'abridged-tax-invoice', receipt: build(groceriesSale, 2) },
    { name: 'full-tax-invoice-copy', receipt: build(wholesaleSale, 3, registeredShop, true) },
    { name: 'not-registered', receipt: build(groceriesSale, 4, { ...registeredShop, vatNumber: null }) },
  ];
}
