import { describe, expect, it } from 'vitest';
import { escposReceipt } from './escposReceipt.js';
import { printReceiptHtml } from './printReceipt.js';
import { fixtureReceipts } from './receiptFixtures.js';
import { receiptLayout } from './receiptLayout.js';
import { RECEIPT_LANGUAGES } from './receiptWords.js';
import { whatsappReceipt, whatsappUrl } from './whatsappReceipt.js';

/** ESC/POS bytes as text a reviewer can read in a diff: printable ASCII as is, the rest as \xNN, a line per LF. */
function readableBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x0a) text += '\\n\n';
    else if (byte >= 0x20 && byte < 0x7f && byte !== 0x5c) text += String.fromCharCode(byte);
    else text += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return text;
}

const golden = (name: string) => `./__golden__/${name}`;

describe('receipt renderings match their golden files (RX5, RX7, RX8), every format × language', () => {
  for (const { name, receipt } of fixtureReceipts()) {
    for (const language of RECEIPT_LANGUAGES) {
      const layout = receiptLayout(receipt, language);
      it(`${name} in ${language}: WhatsApp text`, async () => {
        await expect(whatsappReceipt(layout)).toMatchFileSnapshot(golden(`${name}.${language}.whatsapp.txt`));
      });
      it(`${name} in ${language}: 58 mm and 80 mm print HTML`, async () => {
        await expect(printReceiptHtml(layout, 58)).toMatchFileSnapshot(golden(`${name}.${language}.58mm.html`));
        await expect(printReceiptHtml(layout, 80)).toMatchFileSnapshot(golden(`${name}.${language}.80mm.html`));
      });
      it(`${name} in ${language}: ESC/POS bytes for 58 mm and 80 mm`, async () => {
        const openDrawer = !receipt.copy && receipt.tenders.some((tender) => tender.method === 'cash');
        const bytes58 = escposReceipt(layout, { paper: 58, openDrawer });
        await expect(readableBytes(bytes58)).toMatchFileSnapshot(golden(`${name}.${language}.58mm.escpos.txt`));
        await expect(readableBytes(escposReceipt(layout, { paper: 80 }))).toMatchFileSnapshot(
          golden(`${name}.${language}.80mm.escpos.txt`),
        );
      });
    }
  }
});

describe('WhatsApp link (RX5)', () => {
  it('goes to the customer’s number in international form, with the text whole', () => {
    const [address, query] = whatsappUrl('🧾 *RECEIPT*\nR 18,99 & more', '072 123 4567').split('?text=');
    expect(address).toBe('https://wa.me/27721234567');
    expect(decodeURIComponent(query ?? '')).toBe('🧾 *RECEIPT*\nR 18,99 & more');
  });

  it('without a number, lets the cashier pick the contact', () => {
    expect(whatsappUrl('hi', null)).toBe('https://wa.me/?text=hi');
    expect(whatsappUrl('hi', '12')).toBe('https://wa.me/?text=hi');
  });
});
