import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PaperWidth } from './printReceipt.js';
import type { ReceiptLayout, ReceiptRow } from './receiptLayout.js';

/** Characters per line in the printer's standard font (Font A, 12×24 dots). */
export const ESCPOS_COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

export interface EscPosOptions {
  paper: PaperWidth;
  /** Open the cash drawer wired to the printer (a cash sale's first print, not a reprint). */
  openDrawer?: boolean;
}

/** Width of the amount column: "R 99 999,99" with room to spare, wider for a date and time. */
const AMOUNT_WIDTH = 13;

/** Typographic quotes and dashes become ASCII: cheap printers' code pages differ on them, not on ASCII. */
const plain = (text: string) =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[\u00a0\u202f]/g, ' ');

/**
 * RX8: the receipt as ESC/POS commands for a thermal printer: initialise, a code
 * page chosen for the text (Afrikaans' ê and ë print as themselves), centred bold
 * headings, label and amount columns, the receipt code as a printer-drawn QR, a
 * partial cut and, when asked, the cash-drawer kick.
 */
export function escposReceipt(layout: ReceiptLayout, { paper, openDrawer = false }: EscPosOptions): Uint8Array {
  const columns = ESCPOS_COLUMNS[paper];
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns, feedBeforeCut: 4 });
  const rows = (list: ReceiptRow[]) => {
    for (const { label, amount, strong } of list) {
      const amountWidth = Math.max(AMOUNT_WIDTH, amount.length);
      encoder.bold(Boolean(strong));
      encoder.table(
        [
          { width: columns - amountWidth - 1, marginRight: 1, align: 'left' },
          { width: amountWidth, align: 'right' },
        ],
        [[plain(label), plain(amount)]],
      );
    }
    encoder.bold(false);
  };
  const line = (text: string) => encoder.line(plain(text));
  encoder.initialize().codepage('auto').align('center').bold(true).size(1, 2);
  line(layout.title);
  encoder.size(1, 1);
  if (layout.copy) encoder.invert(true).line(` ${layout.copy} `).invert(false);
  line(layout.shopName);
  encoder.bold(false);
  layout.shopLines.forEach(line);
  encoder.align('left').rule();
  rows(layout.details);
  if (layout.buyerLines.length > 0) {
    encoder.rule();
    layout.buyerLines.forEach(line);
  }
  encoder.rule();
  for (const item of layout.items) {
    rows([{ label: item.mark ? `${item.name} ${item.mark}` : item.name, amount: item.amount }]);
    if (item.detail) line(`  ${item.detail}`);
  }
  encoder.rule();
  rows(layout.totals);
  rows(layout.payments);
  if (layout.legend.length > 0) {
    encoder.rule();
    layout.legend.forEach(line);
  }
  encoder.newline().align('center');
  line(layout.thanks);
  line(layout.keepForReturns);
  encoder.newline().qrcode(layout.code, { model: 2, size: 5, errorlevel: 'm' }).line(layout.number);
  encoder.cut('partial');
  if (openDrawer) encoder.pulse();
  return encoder.encode();
}
