import { cents, type Cents } from '../money/cents.js';
import { receiptCode } from '../sales/receiptNumber.js';
import { lineTotal, tendersOf, type SaleContent } from '../sales/sale.js';
import type { Tender } from '../sales/tenders.js';
import { vatBreakdown, type TaxClass } from '../sales/vat.js';
import { isTaxInvoice, vatDocumentKind, type DocumentParties, type VatDocumentKind } from './vatDocument.js';

/** The shop as its receipts name it (VD6). */
export interface ReceiptShop {
  name: string;
  address: string | null;
  phone: string | null;
  /** Null: not registered for VAT (VD1). */
  vatNumber: string | null;
}

export interface ReceiptCustomer {
  name: string;
  phone: string | null;
}

export interface ReceiptLine {
  name: string;
  quantity: number;
  unitPrice: Cents;
  total: Cents;
  taxClass: TaxClass;
  /** S5: a weighed line's grams and price per kilogram. */
  weight?: { grams: number; pricePerKg: Cents };
}

/**
 * One receipt (SPEC RX): everything every rendering (WhatsApp text, print, ESC/POS,
 * PDF) shows, built once from a sale, so the renderings cannot disagree.
 */
export interface Receipt {
  kind: VatDocumentKind;
  /** VD5: "Tax Invoice" only on a tax invoice. */
  taxInvoice: boolean;
  shop: ReceiptShop;
  number: string;
  /** RC2: what the slip's code carries, for returns. */
  code: string;
  issuedAt: string;
  cashier: string | null;
  /** The customer the sale was made to, where captured (their phone takes the WhatsApp receipt). */
  customer: ReceiptCustomer | null;
  /** VD4: the buyer a full tax invoice names. */
  recipient: DocumentParties['recipient'] | null;
  lines: ReceiptLine[];
  total: Cents;
  /** R1: cents knocked off for cash rounding. */
  rounding: Cents;
  /** VAT-inclusive totals per class and the VAT inside them (V3). */
  vat: { standard: Cents; zero: Cents; exempt: Cents; amount: Cents };
  tenders: readonly Tender[];
  change: Cents;
  /** RX2: a reprint says COPY. */
  copy: boolean;
}

export interface ReceiptInput {
  sale: SaleContent;
  deviceId: string;
  number: string;
  shop: ReceiptShop;
  cashier?: string | null;
  customer?: ReceiptCustomer | null;
  copy?: boolean;
}

/** RX1: the receipt of a sale: its document kind (VD1–VD4), lines, VAT by class, tenders and change. */
export function buildReceipt({ sale, deviceId, number, shop, cashier, customer, copy }: ReceiptInput): Receipt {
  const lines = sale.items.map((line): ReceiptLine => ({
    name: line.name,
    quantity: line.quantity,
    unitPrice: cents(line.price),
    total: lineTotal(line),
    taxClass: line.taxClass ?? 'standard',
    ...(line.weight && { weight: { grams: line.weight.grams, pricePerKg: cents(line.weight.pricePerKg) } }),
  }));
  const breakdown = vatBreakdown(lines.map((line) => ({ total: line.total, taxClass: line.taxClass })));
  const kind = vatDocumentKind(cents(sale.totalAmount), shop.vatNumber !== null);
  return {
    kind,
    taxInvoice: isTaxInvoice(kind),
    shop,
    number,
    code: receiptCode(deviceId, sale.localId),
    issuedAt: sale.createdAt,
    cashier: cashier ?? null,
    customer: customer ?? null,
    recipient: sale.buyer ?? null,
    lines,
    total: cents(sale.totalAmount),
    rounding: cents(sale.rounding ?? 0),
    vat: { ...breakdown.gross, amount: breakdown.vat },
    tenders: tendersOf(sale),
    change: cents(sale.change),
    copy: copy ?? false,
  };
}
