import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { cents } from '../money/cents.js';
import { pdfReceipt } from './pdfReceipt.js';
import { buildReceipt } from './receipt.js';
import { FIXTURE_DEVICE, fixtureReceipts, groceriesSale, registeredShop } from './receiptFixtures.js';
import { receiptLayout, receiptRands } from './receiptLayout.js';
import { qrModules } from './receiptQr.js';
import { RECEIPT_LANGUAGES, RECEIPT_WORDS, fill } from './receiptWords.js';
import { VAT_RATE_PERCENT } from '../sales/vat.js';

/** Bytes as Latin-1 text (the domain's tests run without DOM or Node types). */
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');

/** Rectangles (`x y w h re`) in the PDF's content streams, read back with pdf-lib. */
async function filledRectangles(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  let count = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const content = latin1(decodePDFRawStream(object).decode());
    count += content.match(/ re\n/g)?.length ?? 0;
  }
  return count;
}

/** The PDF's text, pages joined, every run of white space one space (wrapped lines read as one). */
async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

describe('PDF receipts (RX3, RX6) carry the VAT particulars (VD5, VD6), every fixture × language', () => {
  for (const { name, receipt } of fixtureReceipts()) {
    for (const language of RECEIPT_LANGUAGES) {
      it(`${name} in ${language}`, async () => {
        const words = RECEIPT_WORDS[language];
        const layout = receiptLayout(receipt, language);
        const bytes = await pdfReceipt(layout);
        expect(latin1(bytes.slice(0, 5))).toBe('%PDF-');
        const { text, pages } = await pdfText(bytes);
        expect(pages).toBe(1);

        const has = (part: string) => expect(text).toContain(part);
        has(layout.title);
        has(receipt.shop.name);
        has(receipt.shop.address ?? '');
        has(receipt.number);
        has('2026/11/30');
        has(receiptRands(receipt.total));
        for (const item of layout.items) has(item.name);
        has(words.thanks);
        has(words.keepForReturns);
        if (receipt.copy) has(words.copy);

        if (receipt.taxInvoice) {
          has('Tax Invoice');
          has(`${words.vatNumber} ${receipt.shop.vatNumber ?? ''}`);
          has(`${fill(words.vatIncluded, { rate: VAT_RATE_PERCENT })} ${receiptRands(receipt.vat.amount)}`);
        } else {
          expect(text).not.toContain('Tax Invoice');
        }
        if (receipt.shop.vatNumber === null) {
          expect(text).not.toContain(registeredShop.vatNumber ?? '');
          expect(text).not.toContain(words.zeroRatedMark);
        } else if (receipt.lines.some((line) => line.taxClass === 'zero')) {
          has(words.zeroRatedMark);
          const zeroRated = receipt.lines.find((line) => line.taxClass === 'zero');
          has(`${zeroRated?.name ?? ''} Z ${receiptRands(zeroRated?.total ?? cents(0))}`);
        }
        if (receipt.kind === 'full_tax_invoice') {
          has(`${words.buyer}: ${receipt.recipient?.name ?? ''}`);
          has(receipt.recipient?.address ?? '');
          has(`${words.buyerVatNumber} ${receipt.recipient?.vatNumber ?? ''}`);
          has(words.excludingVat);
        }
        // The QR code: at least its dark modules' runs, drawn as filled rectangles.
        const modules = qrModules(receipt.code);
        const runs = modules.flatMap((row) => row.filter((dark, x) => dark && !row[x - 1])).length;
        expect(await filledRectangles(bytes)).toBeGreaterThanOrEqual(runs);
      });
    }
  }
});

describe('PDF receipt pages', () => {
  const longSale = {
    ...groceriesSale,
    items: Array.from({ length: 120 }, (_, n) => ({
      productId: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
      name: `Item number ${n + 1} with a rather long name that will not fit on one line of a slip`,
      quantity: 1,
      price: 100,
    })),
    totalAmount: 12_000,
    paymentMethod: 'cash' as const,
    tendered: 12_000,
    change: 0,
    tenders: [{ method: 'cash' as const, amount: 12_000, tendered: 12_000 }],
    vat: 1565,
  };
  const longReceipt = buildReceipt({ sale: longSale, deviceId: FIXTURE_DEVICE, number: 'T1-9', shop: registeredShop });

  it('a long receipt grows the 80 mm page instead of overflowing it', async () => {
    const bytes = await pdfReceipt(receiptLayout(longReceipt, 'en'));
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBe(1);
    const viewport = (await pdf.getPage(1)).getViewport({ scale: 1 });
    expect(viewport.width).toBeCloseTo(226.77, 1);
    expect(viewport.height).toBeGreaterThan(120 * 2 * 8.5);
    const { text } = await pdfText(bytes);
    expect(text).toContain('Item number 120 with a rather long name');
    expect(text).toContain('T1-9');
  });

  it('on A4 a long receipt breaks into pages', async () => {
    const bytes = await pdfReceipt(receiptLayout(longReceipt, 'en'), { paper: 'a4' });
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Item number 1 with');
    expect(text).toContain('Thank you for shopping with us!');
  });

  it('names its title and language, writes the same bytes every time, and survives text WinAnsi lacks', async () => {
    const [fixture] = fixtureReceipts();
    if (!fixture) throw new Error('no fixture');
    const layout = receiptLayout(fixture.receipt, 'af');
    const bytes = await pdfReceipt(layout);
    expect(await pdfReceipt(layout)).toEqual(bytes);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe('Kwitansie T1-1');
    expect(info.Language).toBe('af-ZA');

    const odd = {
      ...layout,
      shopName: 'Ŋoma Café 🛒 Łódź',
      items: layout.items.map((item) => ({ ...item, name: 'Rooibos ☕ tee' })),
    };
    const { text } = await pdfText(await pdfReceipt(odd));
    expect(text).toContain('?oma Café ? ?ódz');
    expect(text).toContain('Rooibos ? tee');
  });
});
