import {
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { ReceiptLanguage } from './receiptWords.js';
import type { ReceiptLayout, ReceiptRow } from './receiptLayout.js';
import { qrModules } from './receiptQr.js';

/** A PDF receipt's paper: an 80 mm roll-shaped page (reads well on a phone) or A4 pages. */
export type PdfPaper = 'a4' | 80;

export interface PdfReceiptOptions {
  paper?: PdfPaper;
}

const MM = 72 / 25.4;

interface PaperSpec {
  width: number;
  /** Null: one page as tall as the receipt (a roll). */
  height: number | null;
  /** The text column's width, centred on the page. */
  column: number;
  margin: number;
  size: number;
  qrModule: number;
}

const PAPERS: Record<PdfPaper, PaperSpec> = {
  80: { width: 80 * MM, height: null, column: 72 * MM, margin: 5 * MM, size: 8.5, qrModule: 0.75 * MM },
  a4: { width: 595.28, height: 841.89, column: 110 * MM, margin: 20 * MM, size: 10, qrModule: 1 * MM },
};

const LANGUAGE_TAGS: Record<ReceiptLanguage, string> = { en: 'en-ZA', af: 'af-ZA', zu: 'zu-ZA' };

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** One stretch of the receipt, drawn with its top at `top` (PDF points from the page's bottom). */
interface Block {
  height: number;
  draw: (page: PDFPage, top: number) => void;
}

const BLACK = rgb(0, 0, 0);

/**
 * The standard PDF fonts speak WinAnsi only: Afrikaans' ê, ë and ô, "×" and "’" are
 * in it; anything else a shop or product name carries loses its accent (NFD) or
 * becomes "?", rather than failing the whole receipt.
 */
function encodable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  const one = (char: string) => {
    const point = char.codePointAt(0) ?? 0;
    if (known.has(point)) return char;
    if (/\s/.test(char)) return ' ';
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base.length > 0 && [...base].every((part) => known.has(part.codePointAt(0) ?? 0)) ? base : '?';
  };
  return (text) => Array.from(text, one).join('');
}

/** Splits text into lines no wider than `width`, at spaces where it can, inside long words where it must. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

/**
 * The receipt as a PDF (RX3, RX6), for WhatsApp or e-mail: the same words as every other
 * rendering, in order (title, COPY, shop, details, buyer, items with their marks,
 * totals, payments, legend, thanks), then the receipt code's QR drawn as squares
 * with the number below. The default page is 80 mm wide and as tall as the receipt;
 * A4 pages break between lines. No dates are written, so the same receipt gives
 * the same bytes on the phone and the server.
 */
export async function pdfReceipt(layout: ReceiptLayout, options: PdfReceiptOptions = {}): Promise<Uint8Array> {
  const paper = PAPERS[options.paper ?? 80];
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const safe = encodable(fonts.regular);
  doc.setTitle(safe(`${layout.title} ${layout.number}`));
  doc.setSubject(safe(layout.shopName));
  doc.setLanguage(LANGUAGE_TAGS[layout.language]);
  doc.setCreator('OpenTill');
  doc.setProducer('OpenTill');

  const left = (paper.width - paper.column) / 2;
  const right = left + paper.column;
  const size = paper.size;
  const leading = size * 1.3;
  const blocks: Block[] = [];

  const text = (content: string, font: PDFFont, fontSize: number, align: 'left' | 'center', indent = 0) => {
    const width = paper.column - indent;
    for (const line of wrap(safe(content), font, fontSize, width)) {
      const lineHeight = fontSize * 1.3;
      blocks.push({
        height: lineHeight,
        draw: (page, top) => {
          const x =
            align === 'center' ? left + (paper.column - font.widthOfTextAtSize(line, fontSize)) / 2 : left + indent;
          page.drawText(line, { x, y: top - fontSize, size: fontSize, font, color: BLACK });
        },
      });
    }
  };

  /** A label on the left and its amount on the right; a long label wraps beside the amount. */
  const row = (label: string, amount: string, strong = false, indent = 0) => {
    const font = strong ? fonts.bold : fonts.regular;
    const fontSize = strong ? size * 1.15 : size;
    const amountText = safe(amount);
    const amountWidth = font.widthOfTextAtSize(amountText, fontSize);
    const labelWidth = Math.max(paper.column - indent - amountWidth - 3 * MM, paper.column / 3);
    const labelLines = wrap(safe(label), font, fontSize, labelWidth);
    labelLines.forEach((line, index) => {
      const last = index === labelLines.length - 1;
      blocks.push({
        height: fontSize * 1.3,
        draw: (page, top) => {
          page.drawText(line, { x: left + indent, y: top - fontSize, size: fontSize, font, color: BLACK });
          if (last) page.drawText(amountText, { x: right - amountWidth, y: top - fontSize, size: fontSize, font });
        },
      });
    });
  };
  const rows = (list: ReceiptRow[]) => list.forEach(({ label, amount, strong }) => row(label, amount, strong));

  const rule = () =>
    blocks.push({
      height: leading,
      draw: (page, top) =>
        page.drawLine({
          start: { x: left, y: top - leading / 2 },
          end: { x: right, y: top - leading / 2 },
          thickness: 0.5,
          color: BLACK,
          dashArray: [2, 2],
        }),
    });

  const gap = (height: number) => blocks.push({ height, draw: () => undefined });

  text(layout.title, fonts.bold, size * 1.45, 'center');
  if (layout.copy) {
    const copy = safe(layout.copy);
    const copySize = size * 1.15;
    blocks.push({
      height: copySize * 1.8,
      draw: (page, top) => {
        const width = fonts.bold.widthOfTextAtSize(copy, copySize);
        page.drawRectangle({
          x: left,
          y: top - copySize * 1.6,
          width: paper.column,
          height: copySize * 1.4,
          borderColor: BLACK,
          borderWidth: 0.75,
        });
        page.drawText(copy, {
          x: left + (paper.column - width) / 2,
          y: top - copySize * 1.25,
          size: copySize,
          font: fonts.bold,
          color: BLACK,
        });
      },
    });
  }
  text(layout.shopName, fonts.bold, size * 1.2, 'center');
  for (const line of layout.shopLines) text(line, fonts.regular, size, 'center');
  rule();
  rows(layout.details);
  if (layout.buyerLines.length > 0) {
    rule();
    for (const line of layout.buyerLines) text(line, fonts.regular, size, 'left');
  }
  rule();
  for (const item of layout.items) {
    row(item.mark ? `${item.name} ${item.mark}` : item.name, item.amount);
    if (item.detail) text(item.detail, fonts.regular, size, 'left', 3 * MM);
  }
  rule();
  rows(layout.totals);
  rows(layout.payments);
  if (layout.legend.length > 0) {
    rule();
    for (const line of layout.legend) text(line, fonts.regular, size, 'left');
  }
  gap(leading / 2);
  text(layout.thanks, fonts.regular, size, 'center');
  text(layout.keepForReturns, fonts.regular, size, 'center');
  gap(leading / 2);

  // RC2: the code for returns, its modules as filled squares, with a quiet zone of four.
  const modules = qrModules(layout.code);
  const qrSize = modules.length * paper.qrModule;
  blocks.push({
    height: qrSize + 8 * paper.qrModule,
    draw: (page, top) => {
      const x0 = left + (paper.column - qrSize) / 2;
      const y0 = top - 4 * paper.qrModule;
      // One path of rectangles, a run of dark modules each, filled once: small and crisp.
      const runs: PDFOperator[] = [];
      modules.forEach((line, y) => {
        let x = 0;
        while (x < line.length) {
          if (!line[x]) {
            x += 1;
            continue;
          }
          const start = x;
          while (line[x]) x += 1;
          const width = (x - start) * paper.qrModule;
          runs.push(rectangle(x0 + start * paper.qrModule, y0 - (y + 1) * paper.qrModule, width, paper.qrModule));
        }
      });
      page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...runs, fill(), popGraphicsState());
    },
  });
  text(layout.number, fonts.mono, size, 'center');

  if (paper.height === null) {
    const height = blocks.reduce((sum, block) => sum + block.height, 0) + 2 * paper.margin;
    const page = doc.addPage([paper.width, height]);
    let top = height - paper.margin;
    for (const block of blocks) {
      block.draw(page, top);
      top -= block.height;
    }
  } else {
    let page = doc.addPage([paper.width, paper.height]);
    let top = paper.height - paper.margin;
    for (const block of blocks) {
      if (top - block.height < paper.margin) {
        page = doc.addPage([paper.width, paper.height]);
        top = paper.height - paper.margin;
      }
      block.draw(page, top);
      top -= block.height;
    }
  }
  return doc.save();
}
