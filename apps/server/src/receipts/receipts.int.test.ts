/**
 * The server writes a sale's receipt word for word as the phone that sold it
 * (the same domain code over the same sale), in English, Afrikaans and isiZulu, and
 * serves its PDF behind a signed link that expires (D32), in the caller's shop only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  RECEIPT_LANGUAGES,
  buildReceipt,
  generateReceiptResponseSchema,
  lineTotal,
  receiptCode,
  receiptLayout,
  vatBreakdown,
  whatsappReceipt,
  type CustomerInput,
  type GenerateReceiptResponse,
  type ReceiptLanguage,
  type SaleContent,
  type Session,
} from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, testApp } from '../test/test-app.js';
import { DeviceScript, saleContentData } from '../test/operations.js';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectoryFileStore } from './receipt-files.js';

let app: FastifyInstance;
/** The app's clock, moved on to see links expire. */
let clock = Date.now();
/** Where this suite's app keeps its PDFs. */
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opentill-receipts-int-'));
  app = await testApp({
    now: () => new Date(clock),
    receiptLinkSeconds: 600,
    receiptFiles: createDirectoryFileStore(dir),
  });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const SHOP = { address: '12 Vilakazi St, Orlando West, Soweto', phone: '082 555 1234', vatNumber: '4123456789' };

const vatOf = (items: SaleContent['items']) =>
  vatBreakdown(items.map((line) => ({ total: lineTotal(line), taxClass: line.taxClass ?? 'standard' }))).vat;

/** Bread and maize meal (zero-rated) in cash, to a customer: an abridged tax invoice. */
function groceries(customerId: string): SaleContent {
  const items: SaleContent['items'] = [
    { productId: randomUUID(), name: 'White bread 700g', quantity: 2, price: 1899 },
    { productId: randomUUID(), name: 'Maize meal 5kg', quantity: 1, price: 7499, taxClass: 'zero' },
  ];
  return saleContentData({
    items,
    totalAmount: 11_297,
    paymentMethod: 'cash',
    tendered: 20_000,
    change: 8703,
    tenders: [{ method: 'cash', amount: 11_297, tendered: 20_000 }],
    vat: vatOf(items),
    customerId,
    createdAt: '2026-11-30T08:05:00.000Z',
  });
}

/** Stock for a tuck shop on card, naming the buyer: a full tax invoice. */
function wholesale(): SaleContent {
  const items: SaleContent['items'] = [
    { productId: randomUUID(), name: 'Cold drink 24-pack', quantity: 25, price: 25_000 },
  ];
  return saleContentData({
    items,
    totalAmount: 625_000,
    paymentMethod: 'card',
    tendered: 625_000,
    change: 0,
    tenders: [{ method: 'card', amount: 625_000 }],
    vat: vatOf(items),
    buyer: { name: 'Mandla’s Tuck Shop', address: '4 Mofolo Rd, Soweto', vatNumber: '4987654321' },
    createdAt: '2026-11-30T16:30:00.000Z',
  });
}

/** A VAT-registered shop with a customer and two sales pushed from its first till ("T1"). */
async function shopWithSales() {
  const owner = await registerShop(app, { businessName: 'Nomsa’s Spaza', ownerName: 'Thandi Nkosi' });
  const settings = await app.inject({
    method: 'PATCH',
    url: '/api/v1/shop/settings',
    headers: bearer(owner),
    payload: SHOP,
  });
  expect(settings.statusCode).toBe(200);
  const script = new DeviceScript();
  const customer: CustomerInput = { id: randomUUID(), name: 'Sipho Dlamini', phone: '072 123 4567', creditLimit: null };
  const first = groceries(customer.id);
  const second = wholesale();
  const pushed = await pushAs(app, owner, [script.customer(customer), script.sale(first), script.sale(second)]);
  expect(pushed.acknowledgments.map((ack) => ack.status)).toEqual(['created', 'created', 'created']);
  const serverIds = pushed.acknowledgments.slice(1).map((ack) => ack.serverId ?? '');
  return { owner, customer, sales: [first, second] as const, serverIds };
}

/** The receipt as the selling phone writes it: the domain's own code over the sale it recorded. */
function asThePhoneWrites(
  owner: Session,
  sale: SaleContent,
  number: string,
  language: ReceiptLanguage,
  options: { customer?: { name: string; phone: string | null }; copy?: boolean } = {},
) {
  const receipt = buildReceipt({
    sale,
    deviceId: owner.device.id,
    number,
    shop: { name: 'Nomsa’s Spaza', ...SHOP },
    cashier: 'Thandi Nkosi',
    customer: options.customer ?? null,
    copy: options.copy ?? false,
  });
  return whatsappReceipt(receiptLayout(receipt, language));
}

const generate = (session: Session, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/receipts/generate', headers: bearer(session), payload: body });

/** The link's path and query, as a client would follow it. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe(`receipts on ${TEST_DB_KIND}`, () => {
  it('RX1, RX3, RX5, RX7: every format and language, by receipt code or server id, as the phone writes it, with a PDF behind a link', async () => {
    const { owner, customer, sales, serverIds } = await shopWithSales();
    const code = receiptCode(owner.device.id, sales[0].localId);
    for (const language of RECEIPT_LANGUAGES) {
      const expected = asThePhoneWrites(owner, sales[0], 'T1-1', language, {
        customer: { name: customer.name, phone: '+27721234567' },
      });
      for (const format of ['whatsapp', 'print', 'pdf'] as const) {
        const saleId = format === 'print' ? serverIds[0] : code;
        const response = await generate(owner, { saleId, format, language, paper: 58 });
        expect({ language, format, status: response.statusCode }).toEqual({ language, format, status: 200 });
        const answer = generateReceiptResponseSchema.parse(response.json());
        expect(answer.receiptText).toBe(expected);
        expect(answer.whatsappUrl).toBe(`https://wa.me/27721234567?text=${encodeURIComponent(expected)}`);
        expect(answer.html === undefined).toBe(format !== 'print');
        if (format === 'print') {
          expect(answer.html).toContain(`<html lang="${language}">`);
          expect(answer.html).toContain('size: 58mm auto');
        }
        expect(answer.pdfUrl).toMatch(/^http:\/\/localhost(:\d+)?\/api\/v1\/receipts\/files\//);
        expect(answer.pdfUrl).toContain(`/${owner.tenant.id}/${serverIds[0]}-${language}-original.pdf?`);
        expect(Date.parse(answer.pdfUrlExpiresAt) - clock).toBeGreaterThan(590_000);

        const file = await app.inject({ method: 'GET', url: pathOf(answer.pdfUrl) });
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-type']).toBe('application/pdf');
        expect(file.headers['content-disposition']).toBe('inline; filename="receipt-T1-1.pdf"');
        expect(file.headers['cache-control']).toBe('private, no-store');
        expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
    // The English slip names what a tax invoice must (VD5, VD6).
    const en = asThePhoneWrites(owner, sales[0], 'T1-1', 'en', { customer: { name: customer.name, phone: null } });
    for (const part of ['TAX INVOICE', 'VAT no. 4123456789', 'Receipt no.: T1-1', 'Maize meal 5kg (Z)', 'VAT at 15%']) {
      expect(en).toContain(part);
    }
  });

  it('VD4, RX2: the full tax invoice names its buyer; a copy says so and is its own file', async () => {
    const { owner, sales, serverIds } = await shopWithSales();
    const response = await generate(owner, {
      saleId: receiptCode(owner.device.id, sales[1].localId),
      format: 'pdf',
      language: 'af',
      copy: true,
    });
    expect(response.statusCode).toBe(200);
    const answer = response.json<GenerateReceiptResponse>();
    expect(answer.receiptText).toBe(asThePhoneWrites(owner, sales[1], 'T1-2', 'af', { copy: true }));
    expect(answer.receiptText).toContain('Koper: Mandla’s Tuck Shop');
    expect(answer.receiptText).toContain('*AFSKRIF*');
    // No customer: the cashier picks the contact.
    expect(answer.whatsappUrl.startsWith('https://wa.me/?text=')).toBe(true);
    expect(answer.pdfUrl).toContain(`/${serverIds[1]}-af-copy.pdf?`);
    const file = await app.inject({ method: 'GET', url: pathOf(answer.pdfUrl) });
    expect(file.headers['content-disposition']).toBe('inline; filename="receipt-T1-2.pdf"');
  });

  it('D32: a tampered, foreign or expired link is refused; a file cleaned away is gone', async () => {
    const { owner, sales } = await shopWithSales();
    const saleId = receiptCode(owner.device.id, sales[0].localId);
    const answer = (await generate(owner, { saleId, format: 'pdf', language: 'zu' })).json<GenerateReceiptResponse>();
    const link = new URL(answer.pdfUrl);
    const get = (path: string) => app.inject({ method: 'GET', url: path });
    const refused = async (path: string, status: number, code: string) => {
      const response = await get(path);
      expect({
        path,
        status: response.statusCode,
        code: response.json<{ error: { code: string } }>().error.code,
      }).toEqual({
        path,
        status,
        code,
      });
    };
    const tamper = (change: (params: URLSearchParams) => void, pathname = link.pathname) => {
      const params = new URLSearchParams(link.search);
      change(params);
      return `${pathname}?${params}`;
    };
    const signature = link.searchParams.get('signature') ?? '';
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await refused(
      tamper((p) => p.set('signature', flipped)),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    await refused(
      tamper((p) => p.set('number', 'T1-2')),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    await refused(
      tamper((p) => p.set('expires', String(Number(p.get('expires')) + 86_400))),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    await refused(
      tamper((p) => p.delete('signature')),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    await refused(
      tamper(() => undefined, link.pathname.replace('-zu-', '-en-')),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    await refused(
      tamper(() => undefined, link.pathname.replace(owner.tenant.id, randomUUID())),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    // Paths that try to climb out of the store name no file a link was signed for.
    await refused(
      tamper(() => undefined, `${link.pathname}/../x.pdf`),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    await refused(
      tamper(() => undefined, `/api/v1/receipts/files/${owner.tenant.id}/..%2F..%2Fpasswd`),
      403,
      'OT_ERR_RECEIPT_LINK_INVALID',
    );
    // A valid link to a file no longer kept (cleaned away): gone, not a server error.
    const english = (await generate(owner, { saleId, format: 'pdf', language: 'en' })).json<GenerateReceiptResponse>();
    const englishLink = new URL(english.pdfUrl);
    await rm(join(dir, englishLink.pathname.replace('/api/v1/receipts/files/', '')));
    await refused(`${englishLink.pathname}${englishLink.search}`, 404, 'OT_ERR_RECEIPT_FILE_NOT_FOUND');

    expect((await get(`${link.pathname}${link.search}`)).statusCode).toBe(200);
    clock += 601_000;
    try {
      await refused(`${link.pathname}${link.search}`, 403, 'OT_ERR_RECEIPT_LINK_EXPIRED');
    } finally {
      clock = Date.now();
    }
  });

  it('another shop cannot write this shop’s receipt (404), and bad input changes nothing (400)', async () => {
    const { owner, sales, serverIds } = await shopWithSales();
    const other = await registerShop(app);
    for (const saleId of [receiptCode(owner.device.id, sales[0].localId), serverIds[0]]) {
      const response = await generate(other, { saleId, format: 'whatsapp', language: 'en' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_SALE_NOT_FOUND' } });
      expect(response.body).not.toContain('Nomsa');
    }
    const unknown = await generate(owner, { saleId: randomUUID(), format: 'pdf', language: 'en' });
    expect(unknown.json()).toMatchObject({ error: { code: 'OT_ERR_SALE_NOT_FOUND' } });

    const code = receiptCode(owner.device.id, sales[0].localId);
    for (const body of [
      { saleId: code, format: 'fax', language: 'en' },
      { saleId: code, format: 'pdf', language: 'xh' },
      { saleId: code, format: 'print', language: 'en', paper: 76 },
      { saleId: 'T1-1', format: 'pdf', language: 'en' },
      { format: 'pdf', language: 'en' },
    ]) {
      const response = await generate(owner, body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
      expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_VALIDATION' } });
    }
    const unsigned = await app.inject({
      method: 'POST',
      url: '/api/v1/receipts/generate',
      payload: { saleId: code, format: 'pdf', language: 'en' },
    });
    expect(unsigned.statusCode).toBe(401);
  });
});
