/**
 * Receipts on the phone, offline, in three languages (issue 6, SPEC RX): the owner gives the shop's
 * VAT number and address online; offline, a sale's receipt is written in Afrikaans for WhatsApp,
 * previewed for 58 mm paper and saved as a PDF, all made on the phone; the Sales tab reprints it
 * marked AFSKRIF. Back online, the server writes the same sale's receipt word for word as the phone.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
// unpdf: the domain package's PDF test dependency (hoisted in the workspace), to read the PDF's text.
import { extractText, getDocumentProxy } from 'unpdf';
import { storedDevice } from '../support/device.js';
import { E2E_BASE_URL, queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

const MAIZE = 'White Star Super Maize Meal 2.5kg';
const BROWN = 'Albany Brown Bread 700g';
const FRIDGE = 'Defy 195L Chest Freezer';
const VAT_NUMBER = '4123456789';
const ADDRESS = '12 Vilakazi St, Orlando West, Soweto';

function tile(page: Page, name: string) {
  return page.getByTestId('product-tile').filter({ hasText: name });
}

/** The text a wa.me link carries, as the customer's WhatsApp will show it. */
async function whatsappText(page: Page): Promise<string> {
  const href = await page.getByTestId('receipt-whatsapp').getAttribute('href');
  expect(href).toMatch(/^https:\/\/wa\.me\/\?text=/);
  return decodeURIComponent(href?.split('?text=')[1] ?? '');
}

const printFrame = (page: Page) => page.frameLocator('[data-testid="receipt-print-frame"]').locator('body');

test.setTimeout(150_000);

test('a receipt in Afrikaans offline: WhatsApp, 58 mm print and PDF; a buyer on a full tax invoice; a reprint says AFSKRIF; the server writes the same words', async ({
  page,
  context,
}) => {
  const shop = `Receipt Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: MAIZE, price: '89.99' });
  await addProduct(page, { name: BROWN, price: '16.49', taxClass: 'zero' });
  await addProduct(page, { name: FRIDGE, price: '5499' });

  // The owner's receipt details (online only): a VAT-registered shop's receipts above R 50 are tax invoices.
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-section-shop').click();
  await page.getByTestId('setting-vat-number').fill('41234');
  await page.getByTestId('setting-receipt-save').click();
  await expect(page.getByText('A VAT number is 10 digits starting with 4.')).toBeVisible();
  await page.getByTestId('setting-vat-number').fill(VAT_NUMBER);
  await page.getByTestId('setting-address').fill(ADDRESS);
  await page.getByTestId('setting-phone').fill('082 555 1234');
  await page.getByTestId('setting-receipt-save').click();
  await expect(page.getByTestId('shop-settings-message')).toContainText('Saved');
  await expectAllSynced(page);

  // Offline from here, through a reload.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-sell').click();
  await tile(page, MAIZE).click();
  await tile(page, BROWN).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('110');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('change-amount')).toHaveText('R 3,52');
  const number = /Receipt (\S+)/.exec((await page.getByTestId('receipt-number').textContent()) ?? '')?.[1] ?? '';
  expect(number).toMatch(/^\S+-1$/);

  // RX3, RX5: the receipt in Afrikaans, as WhatsApp will carry it.
  await page.getByTestId('receipt-language').selectOption('af');
  const phoneText = await whatsappText(page);
  expect(phoneText).toContain('🧾 *BELASTINGFAKTUUR / TAX INVOICE*');
  expect(phoneText).toContain(`📍 *${shop}*`);
  expect(phoneText).toContain(ADDRESS);
  expect(phoneText).toContain(`BTW-nr. ${VAT_NUMBER}`);
  expect(phoneText).toContain(`Kwitansie nr.: ${number}`);
  expect(phoneText).toContain('💰 *Totaal: R 106,48*');
  expect(phoneText).toContain('BTW teen 15% ingesluit: R 11,74');
  expect(phoneText).toContain(`${BROWN} (Z): R 16,49`);
  expect(phoneText).toContain('Kleingeld: R 3,52');

  // RX7: the 58 mm print page, made on the phone.
  await page.getByTestId('receipt-print-58').click();
  const frame = page.getByTestId('receipt-print-frame');
  await expect(frame).toHaveAttribute('data-paper', '58');
  await expect(printFrame(page)).toContainText('Belastingfaktuur / Tax Invoice');
  await expect(printFrame(page)).toContainText(`BTW-nr. ${VAT_NUMBER}`);
  // Styled for 58 mm paper under the app's CSP (the sheet is adopted, not inline): 48 mm printable.
  await expect(printFrame(page)).toHaveCSS('width', /^181\.\d+px$/);
  await frame.scrollIntoViewIfNeeded();
  await frame.screenshot({ path: `${SCREENSHOTS}receipt-58mm.png` });

  // RX9: the PDF, made on the phone, offline.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`receipt-${number}.pdf`);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(pdfText).toContain(VAT_NUMBER);
  expect(pdfText).toContain(number);

  // The printer's commands, for a printer app.
  const [escpos] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('receipt-escpos-download').click(),
  ]);
  expect(escpos.suggestedFilename()).toBe(`receipt-${number}.bin`);
  expect((await readFile(await escpos.path()))[0]).toBe(0x1b); // ESC @: initialise

  // RX2: a reprint from the Sales tab says AFSKRIF (COPY).
  await page.getByTestId('new-sale').click();
  await page.getByTestId('nav-sales').click();
  await page.getByTestId('receipt-search').fill(number);
  await page.getByTestId('receipt-find').click();
  await expect(page.getByTestId('refund-panel')).toBeVisible();
  await page.getByTestId('receipt-reprint').click();
  await page.getByTestId('receipt-language').selectOption('af');
  await page.getByTestId('receipt-print-58').click();
  await expect(printFrame(page)).toContainText('AFSKRIF');
  expect(await whatsappText(page)).toContain('*AFSKRIF*');
  await page.getByTestId('receipt-language').selectOption('en');
  await expect(printFrame(page)).toContainText('COPY');
  await page.screenshot({ path: `${SCREENSHOTS}receipt-reprint.png` });

  // VD4: above R 5 000 a full tax invoice names the buyer, asked before the payment is confirmed.
  await page.getByTestId('nav-sell').click();
  await tile(page, FRIDGE).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('5499');
  await expect(page.getByTestId('buyer-name')).toBeVisible();
  await expect(page.getByTestId('confirm-payment')).toBeDisabled();
  await page.getByTestId('buyer-name').fill('Ubuntu Builders (Pty) Ltd');
  await page.getByTestId('buyer-address').fill('4 Main Rd, Durban');
  await page.getByTestId('buyer-vat').fill('4987654321');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await page.getByTestId('receipt-language').selectOption('zu');
  const invoice = await whatsappText(page);
  expect(invoice).toContain('Umthengi: Ubuntu Builders (Pty) Ltd');
  expect(invoice).toContain('Inombolo ye-VAT yomthengi 4987654321');
  expect(invoice).toContain('Isamba ngaphandle kwe-VAT: R 4 781,74');
  await page.getByTestId('new-sale').click();

  // Online: the sale reaches the server, and the server writes its receipt word for word as the phone did.
  await context.setOffline(false);
  await expectAllSynced(page);
  const { token } = await storedDevice(page);
  const [stored] = await queryServerDb<{ id: string }>(
    `select s.id from sales s join tenants t on t.id = s.tenant_id where t.business_name = $1 and s.total_amount = $2`,
    [shop, 10_648],
  );
  expect(stored).toBeDefined();
  const buyers = await queryServerDb<{ buyer: unknown }>(
    `select s.buyer from sales s join tenants t on t.id = s.tenant_id where t.business_name = $1 and s.buyer is not null`,
    [shop],
  );
  expect(buyers).toEqual([
    { buyer: { name: 'Ubuntu Builders (Pty) Ltd', address: '4 Main Rd, Durban', vatNumber: '4987654321' } },
  ]);
  const generated = await page.request.post(`${E2E_BASE_URL}/api/v1/receipts/generate`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { saleId: stored?.id, format: 'whatsapp', language: 'af' },
  });
  expect(generated.status(), await generated.text()).toBe(200);
  const answer = (await generated.json()) as { receiptText: string; whatsappUrl: string; pdfUrl: string };
  expect(answer.receiptText).toBe(phoneText);
  expect(decodeURIComponent(answer.whatsappUrl.split('?text=')[1] ?? '')).toBe(phoneText);
});
