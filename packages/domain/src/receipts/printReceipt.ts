import type { ReceiptLayout, ReceiptRow } from './receiptLayout.js';
import { qrSvg } from './receiptQr.js';

/** The slip widths thermal printers take. */
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/** What each paper prints on: its width less the printer's unprintable margins. */
const PRINTABLE_MM: Record<PaperWidth, number> = { 58: 48, 80: 72 };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const row = ({ label, amount, strong }: ReceiptRow) =>
  `<tr${strong ? ' class="strong"' : ''}><td>${escapeHtml(label)}</td><td class="amount">${escapeHtml(amount)}</td></tr>`;

const table = (rows: ReceiptRow[]) => (rows.length > 0 ? `<table>${rows.map(row).join('')}</table>` : '');

const lines = (texts: string[], className: string) =>
  texts.map((text) => `<p class="${className}">${escapeHtml(text)}</p>`).join('');

const style = (paper: PaperWidth) => `
@page { size: ${paper}mm auto; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; background: #fff; color: #000; }
body { width: ${PRINTABLE_MM[paper]}mm; margin: 0 auto; padding: 2mm 0 6mm;
  font: ${paper === 58 ? '9pt' : '10pt'}/1.3 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
h1 { font-size: 1.25em; text-align: center; margin: 0 0 1mm; }
.copy { text-align: center; font-weight: bold; border: 1px solid #000; margin: 1mm 0; letter-spacing: 0.2em; }
.shop { text-align: center; margin: 0; }
.shop-name { font-weight: bold; font-size: 1.1em; }
hr { border: 0; border-top: 1px dashed #000; margin: 1.5mm 0; }
table { width: 100%; border-collapse: collapse; }
td { padding: 0; vertical-align: top; }
.amount { text-align: right; white-space: nowrap; padding-left: 2mm; }
.strong td { font-weight: bold; font-size: 1.15em; }
.detail { padding-left: 3mm; }
.note, .buyer { margin: 0; }
.footer { text-align: center; margin: 1mm 0 0; }
.code { text-align: center; margin-top: 2mm; }
.code svg { display: block; margin: 0 auto 1mm; }
`;

/**
 * RX7: the receipt as a printable page for 58 mm or 80 mm thermal paper: the page
 * size and margins set by print CSS, so the browser's print dialog (or a PDF
 * printer) lays it out slip-shaped. A whole document, printed from its own frame.
 */
export function printReceiptHtml(layout: ReceiptLayout, paper: PaperWidth): string {
  const items = layout.items
    .map((item) => {
      const name = escapeHtml(item.mark ? `${item.name} ${item.mark}` : item.name);
      const detail = item.detail ? `<tr><td class="detail">${escapeHtml(item.detail)}</td><td></td></tr>` : '';
      return `<tr><td>${name}</td><td class="amount">${escapeHtml(item.amount)}</td></tr>${detail}`;
    })
    .join('');
  const body = [
    `<h1>${escapeHtml(layout.title)}</h1>`,
    layout.copy ? `<p class="copy">${escapeHtml(layout.copy)}</p>` : '',
    `<p class="shop shop-name">${escapeHtml(layout.shopName)}</p>`,
    lines(layout.shopLines, 'shop'),
    '<hr>',
    table(layout.details),
    layout.buyerLines.length > 0 ? `<hr>${lines(layout.buyerLines, 'buyer')}` : '',
    '<hr>',
    `<table class="items">${items}</table>`,
    '<hr>',
    table(layout.totals),
    table(layout.payments),
    layout.legend.length > 0 ? `<hr>${lines(layout.legend, 'note')}` : '',
    lines([layout.thanks, layout.keepForReturns], 'footer'),
    `<div class="code">${qrSvg(layout.code)}${escapeHtml(layout.number)}</div>`,
  ].join('\n');
  return (
    `<!doctype html>\n<html lang="${layout.language}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(`${layout.title} ${layout.number}`)}</title><style>${style(paper)}</style></head>\n` +
    `<body class="paper-${paper}">\n${body}\n</body></html>\n`
  );
}
