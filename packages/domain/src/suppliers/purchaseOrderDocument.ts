import { formatRands, type Cents } from '../money/cents.js';
import type { PurchaseOrder } from './purchaseOrderSchemas.js';

/** The words of a purchase order in the reader's language (the PWA's i18n gives them). */
export interface PurchaseOrderWords {
  title: string;
  branch: string;
  date: string;
  supplier: string;
  phone: string;
  total: string;
  note: string;
}

/** A purchase order as the supplier reads it (PO4): the same words in the PDF and the WhatsApp message. */
export interface PurchaseOrderDocument {
  title: string;
  number: string;
  shopName: string;
  details: readonly { label: string; value: string }[];
  /** `12 × Milk 1L` with the line's cost where known. */
  lines: readonly { label: string; amount: string }[];
  /** The order's cost when every line has one. */
  total: { label: string; amount: string } | null;
  note: string | null;
}

/**
 * PO4: what is sent to the supplier: shop, branch, number, date, each line as
 * "quantity × name" (with its cost when known) and the total when every line has a cost.
 */
export function purchaseOrderDocument(
  order: Pick<PurchaseOrder, 'number' | 'supplier' | 'branch' | 'note' | 'lines'>,
  shop: { name: string; date: string },
  words: PurchaseOrderWords,
): PurchaseOrderDocument {
  const costed = order.lines.every((line) => line.unitCost !== null);
  const total = order.lines.reduce((sum, line) => sum + (line.unitCost ?? 0) * line.quantityOrdered, 0);
  return {
    title: words.title,
    number: order.number,
    shopName: shop.name,
    details: [
      { label: words.branch, value: order.branch.name },
      { label: words.date, value: shop.date },
      { label: words.supplier, value: order.supplier.name },
      ...(order.supplier.phone ? [{ label: words.phone, value: order.supplier.phone }] : []),
    ],
    lines: order.lines.map((line) => ({
      label: `${line.quantityOrdered} × ${line.name}`,
      amount: line.unitCost === null ? '' : formatRands((line.unitCost * line.quantityOrdered) as Cents),
    })),
    total: costed && order.lines.length > 0 ? { label: words.total, amount: formatRands(total as Cents) } : null,
    note: order.note ? `${words.note}: ${order.note}` : null,
  };
}

/** PO4: the order as a WhatsApp message, one fact per line, in the receipts' style (RX5). */
export function purchaseOrderText(document: PurchaseOrderDocument): string {
  const bold = (text: string) => `*${text.replaceAll('*', '')}*`;
  return [
    `📦 ${bold(`${document.title} ${document.number}`)}`,
    `📍 ${bold(document.shopName)}`,
    ...document.details.map(({ label, value }) => `${label}: ${value}`),
    '',
    ...document.lines.map(({ label }) => label),
    ...(document.note ? ['', document.note] : []),
  ].join('\n');
}
