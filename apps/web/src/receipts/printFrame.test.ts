import { describe, expect, it } from 'vitest';
import { receiptLayout } from '@opentill/domain';
import { printReceiptHtml } from '@opentill/domain/receipts/print';
import { receiptOf } from './receiptSource';
import { splitPrintHtml } from './printFrame';

describe('the print page in a frame', () => {
  it('keeps every word and moves the stylesheet out, so the app’s CSP does not refuse it', () => {
    const receipt = receiptOf(
      {
        sale: {
          localId: 'sale_AAAAAAAAAAAAAAAA',
          items: [{ productId: '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11', name: 'Bread', price: 1899, quantity: 1 }],
          totalAmount: 1899,
          paymentMethod: 'cash',
          tendered: 2000,
          change: 101,
          createdAt: '2026-11-30T10:00:00.000Z',
        },
        deviceId: '3f9a1c2b-0000-4000-8000-0000000000d1',
        receiptNumber: 'T1-1',
        cashier: null,
      },
      'Spaza',
      null,
      null,
      true,
    );
    const html = printReceiptHtml(receiptLayout(receipt, 'af'), 58);
    const split = splitPrintHtml(html);
    expect(split.html).not.toContain('<style');
    expect(split.html).toContain('AFSKRIF');
    expect(split.css).toContain('@page { size: 58mm auto; margin: 0; }');
    expect(split.html.length + split.css.length + '<style></style>'.length).toBe(html.length);
  });
});
