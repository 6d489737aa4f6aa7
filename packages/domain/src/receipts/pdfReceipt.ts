import {
  PDFDocument,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  type PDFOperator,
} from 'pdf-lib';
import { BLACK, MM, blockColumn, drawBlocks, embedFonts, type PaperSpec } from '../pdf/pdfBlocks.js';
import type { ReceiptLanguage } from './receiptWords.js';
import type { ReceiptLayout, ReceiptRow } from './receiptLayout.js';
import { qrModules } from './receiptQr.js';

/** A PDF receipt's paper: an 80 mm roll-shaped page (reads well on a phone) or A4 pages. */
export type PdfPaper = 'a4' | 80;

export interface PdfReceiptOptions {
  paper?: PdfPaper;
}

interface ReceiptPaper extends PaperSpec {
  qrModule: number;
}

const PAPERS: Record<PdfPaper, ReceiptPaper> = {
  80: { width: 80 * MM, height: null, column: 72 * MM, margin: 5 * MM, size: 8.5, qrModule: 0.75 * MM },
  a4: { width: 595.28, height: 841.89, column: 110 * MM, margin: 20 * MM, size: 10, qrModule: 1 * MM },
};

const LANGUAGE_TAGS: Record<ReceiptLanguage, string> = { en: 'en-ZA', af: 'af-ZA', zu: 'zu-ZA' };

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
  const fonts = await embedFonts(doc);
  const { blocks, safe, left, size, leading, text, row, rule, gap } = blockColumn(paper, fonts);
  doc.setTitle(safe(`${layout.title} ${layout.number}`));
  doc.setSubject(safe(layout.shopName));
  doc.setLanguage(LANGUAGE_TAGS[layout.language]);
  doc.setCreator('OpenTill');
  doc.setProducer('OpenTill');
  const rows = (list: ReceiptRow[]) => list.forEach(({ label, amount, strong }) => row(label, amount, strong));

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

  drawBlocks(doc, paper, blocks);
  return doc.save();
}
