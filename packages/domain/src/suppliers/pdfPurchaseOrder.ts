import { PDFDocument } from 'pdf-lib';
import { MM, blockColumn, drawBlocks, embedFonts, type PaperSpec } from '../pdf/pdfBlocks.js';
import type { PurchaseOrderDocument } from './purchaseOrderDocument.js';

const A4: PaperSpec = { width: 595.28, height: 841.89, column: 170 * MM, margin: 20 * MM, size: 11 };

/**
 * PO4: the purchase order as an A4 PDF, made on the phone (pdf-lib, loaded on the
 * tap like a receipt's PDF): title and number, shop, branch, date and supplier,
 * each line with its cost, the total, the note. No creation date is written, so
 * the same order gives the same bytes.
 */
export async function pdfPurchaseOrder(document: PurchaseOrderDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const { blocks, safe, size, leading, text, row, rule, gap } = blockColumn(A4, fonts);
  doc.setTitle(safe(`${document.title} ${document.number}`));
  doc.setSubject(safe(document.shopName));
  doc.setCreator('OpenTill');
  doc.setProducer('OpenTill');

  text(`${document.title} ${document.number}`, fonts.bold, size * 1.6, 'left');
  text(document.shopName, fonts.bold, size * 1.2, 'left');
  gap(leading / 2);
  for (const { label, value } of document.details) row(label, value);
  rule();
  for (const line of document.lines) row(line.label, line.amount);
  if (document.total) {
    rule();
    row(document.total.label, document.total.amount, true);
  }
  if (document.note) {
    gap(leading);
    text(document.note, fonts.regular, size, 'left');
  }
  drawBlocks(doc, A4, blocks);
  return doc.save();
}
