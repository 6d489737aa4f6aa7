import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { pdfPurchaseOrder } from './pdfPurchaseOrder.js';
import { purchaseOrderDocument, purchaseOrderText } from './purchaseOrderDocument.js';

const WORDS = {
  title: 'Purchase order',
  branch: 'Branch',
  date: 'Date',
  supplier: 'Supplier',
  phone: 'Phone',
  total: 'Total',
  note: 'Note',
};

const order = {
  number: 'PO-0007',
  supplier: { id: '0190a000-0000-7000-8000-000000000001', name: 'Clover SA', phone: '082 123 4567' },
  branch: { id: '0190a000-0000-7000-8000-000000000002', name: 'Main' },
  note: 'Deliver at the back door',
  lines: [
    {
      productId: '0190a000-0000-7000-8000-000000000003',
      name: 'Milk 1L',
      quantityOrdered: 12,
      quantityReceived: 0,
      unitCost: 1650,
    },
    {
      productId: '0190a000-0000-7000-8000-000000000004',
      name: 'Amasi 2L',
      quantityOrdered: 3,
      quantityReceived: 0,
      unitCost: 3200,
    },
  ],
};

describe('PO4: the order as the supplier gets it', () => {
  const document = purchaseOrderDocument(order, { name: 'Nomsa’s Spaza', date: '30 Nov 2026' }, WORDS);

  it('WhatsApp text: shop, branch, number, date, a line per product as quantity × name', () => {
    expect(purchaseOrderText(document)).toBe(
      [
        '📦 *Purchase order PO-0007*',
        '📍 *Nomsa’s Spaza*',
        'Branch: Main',
        'Date: 30 Nov 2026',
        'Supplier: Clover SA',
        'Phone: 082 123 4567',
        '',
        '12 × Milk 1L',
        '3 × Amasi 2L',
        '',
        'Note: Deliver at the back door',
      ].join('\n'),
    );
  });

  it('a total only when every line has a cost', () => {
    expect(document.total?.amount).toMatch(/294,00/);
    const uncosted = purchaseOrderDocument(
      { ...order, lines: order.lines.slice(0, 1).map((line) => ({ ...line, unitCost: null })) },
      { name: 'Shop', date: 'today' },
      WORDS,
    );
    expect([uncosted.total, uncosted.lines[0]?.amount]).toEqual([null, '']);
  });

  it('the PDF carries the same words', async () => {
    const bytes = await pdfPurchaseOrder(document);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const words of [
      'Purchase order PO-0007',
      'Nomsa’s Spaza',
      'Clover SA',
      '12 × Milk 1L',
      '3 × Amasi 2L',
      'Total',
    ]) {
      expect(flat).toContain(words);
    }
    expect(await pdfPurchaseOrder(document)).toEqual(bytes);
  });
});
