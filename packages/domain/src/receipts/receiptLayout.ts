import { cents, formatRands, type Cents } from '../money/cents.js';
import type { Tender } from '../sales/tenders.js';
import { VAT_RATE_PERCENT } from '../sales/vat.js';
import type { Receipt } from './receipt.js';
import { RECEIPT_WORDS, fill, type ReceiptLanguage, type ReceiptWords } from './receiptWords.js';

/** A label and its amount, one row of a receipt's totals or tenders. */
export interface ReceiptRow {
  label: string;
  amount: string;
  /** The row a reader looks for: the total. */
  strong?: boolean;
}

export interface ReceiptItem {
  name: string;
  /** "2 × R 18,99" or the weight; null for one unit. */
  detail: string | null;
  amount: string;
  /** VD6: "Z" on a zero-rated line, "E" on an exempt one. */
  mark: 'Z' | 'E' | null;
}

/**
 * A receipt in words, in one language (SPEC RX3): what every rendering prints, in
 * order. WhatsApp text, print HTML, ESC/POS and PDF differ only in how they style
 * these parts, so they cannot disagree on a word or a cent.
 */
export interface ReceiptLayout {
  language: ReceiptLanguage;
  title: string;
  /** RX2: "COPY" on a reprint. */
  copy: string | null;
  shopName: string;
  /** Address, phone and VAT number lines, as the shop gave them. */
  shopLines: string[];
  /** Receipt number, date, cashier, customer. */
  details: ReceiptRow[];
  /** VD4: the buyer's name, address and VAT number on a full tax invoice. */
  buyerLines: string[];
  items: ReceiptItem[];
  totals: ReceiptRow[];
  payments: ReceiptRow[];
  /** What the line marks mean (VD6), for the marks used. */
  legend: string[];
  thanks: string;
  keepForReturns: string;
  /** The scannable code for returns (RC2). */
  code: string;
  number: string;
}

/** South Africa keeps one time all year (UTC+2), so phone and server print the same time. */
const SAST_OFFSET_MS = 2 * 60 * 60 * 1000;

/** RX3: "2026/11/30 14:05", South African time, the same on every device and the server. */
export function formatReceiptDate(iso: string): string {
  const sast = new Date(Date.parse(iso) + SAST_OFFSET_MS).toISOString();
  return `${sast.slice(0, 10).replaceAll('-', '/')} ${sast.slice(11, 16)}`;
}

/** Rands as a receipt prints them: en-ZA ("R 1 234,50") with ordinary spaces, which every printer has. */
export const receiptRands = (amount: Cents) => formatRands(amount).replaceAll('\u00a0', ' ');

function tenderLabel(tender: Tender, words: ReceiptWords): string {
  if (tender.method === 'mobile_money') return words.mobileMoney[tender.provider ?? 'other'];
  return words.tenders[tender.method];
}

function itemsOf(receipt: Receipt, words: ReceiptWords): ReceiptItem[] {
  return receipt.lines.map((line) => {
    const detail = line.weight
      ? fill(words.weighed, { grams: line.weight.grams, price: receiptRands(line.weight.pricePerKg) })
      : line.quantity > 1
        ? fill(words.quantityAt, { quantity: line.quantity, price: receiptRands(line.unitPrice) })
        : null;
    // A shop not registered for VAT charges none, so its lines carry no VAT marks.
    const mark =
      receipt.shop.vatNumber === null ? null : line.taxClass === 'zero' ? 'Z' : line.taxClass === 'exempt' ? 'E' : null;
    return { name: line.name, detail, amount: receiptRands(line.total), mark };
  });
}

function totalsOf(receipt: Receipt, words: ReceiptWords): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  if (receipt.rounding > 0) {
    rows.push({ label: words.rounding, amount: `-${receiptRands(receipt.rounding)}` });
  }
  rows.push({ label: words.total, amount: receiptRands(receipt.total), strong: true });
  if (receipt.shop.vatNumber !== null) {
    // VD6: the VAT inside the total with its rate; a full tax invoice also shows the value without it.
    if (receipt.kind === 'full_tax_invoice') {
      rows.push({ label: words.excludingVat, amount: receiptRands(cents(receipt.total - receipt.vat.amount)) });
    }
    rows.push({ label: fill(words.vatIncluded, { rate: VAT_RATE_PERCENT }), amount: receiptRands(receipt.vat.amount) });
  }
  return rows;
}

function paymentsOf(receipt: Receipt, words: ReceiptWords): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  for (const tender of receipt.tenders) {
    rows.push({ label: tenderLabel(tender, words), amount: receiptRands(cents(tender.amount)) });
    if (tender.tendered !== undefined && tender.tendered !== tender.amount) {
      rows.push({ label: words.cashGiven, amount: receiptRands(cents(tender.tendered)) });
    }
  }
  if (receipt.change > 0) rows.push({ label: words.change, amount: receiptRands(receipt.change) });
  return rows;
}

/** RX3: the receipt's words in `language`, in the order every rendering prints them. */
export function receiptLayout(receipt: Receipt, language: ReceiptLanguage): ReceiptLayout {
  const words = RECEIPT_WORDS[language];
  const { shop, recipient, customer } = receipt;
  const shopLines = [
    shop.address,
    shop.phone && `${words.phone} ${shop.phone}`,
    shop.vatNumber && `${words.vatNumber} ${shop.vatNumber}`,
  ].filter((line): line is string => Boolean(line));
  const details: ReceiptRow[] = [
    { label: words.number, amount: receipt.number },
    { label: words.date, amount: formatReceiptDate(receipt.issuedAt) },
  ];
  if (receipt.cashier) details.push({ label: words.cashier, amount: receipt.cashier });
  if (customer) details.push({ label: words.customer, amount: customer.name });
  const buyerLines =
    recipient && receipt.taxInvoice
      ? [
          `${words.buyer}: ${recipient.name}`,
          ...(recipient.address ? [recipient.address] : []),
          ...(recipient.vatNumber ? [`${words.buyerVatNumber} ${recipient.vatNumber}`] : []),
        ]
      : [];
  const items = itemsOf(receipt, words);
  const legend = [
    ...(items.some((item) => item.mark === 'Z') ? [words.zeroRatedMark] : []),
    ...(items.some((item) => item.mark === 'E') ? [words.exemptMark] : []),
  ];
  return {
    language,
    title: receipt.taxInvoice ? words.taxInvoice : words.receipt,
    copy: receipt.copy ? words.copy : null,
    shopName: shop.name,
    shopLines,
    details,
    buyerLines,
    items,
    totals: totalsOf(receipt, words),
    payments: paymentsOf(receipt, words),
    legend,
    thanks: words.thanks,
    keepForReturns: words.keepForReturns,
    code: receipt.code,
    number: receipt.number,
  };
}
