import {
  buildReceipt,
  receiptLayout,
  whatsappReceipt,
  whatsappUrl,
  type GenerateReceiptRequest,
  type GenerateReceiptResponse,
  type ReceiptCustomer,
} from '@opentill/domain';
import { printReceiptHtml } from '@opentill/domain/receipts/print';
import { pdfReceipt } from '@opentill/domain/receipts/pdf';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { findSalesByReceipt } from '../sales/sale-lookup.repository.js';
import { readShopSettings } from '../shop/settings.repository.js';
import { findCustomer } from '../customers/customers.repository.js';
import { findSaleIdentity, readBusinessName } from './receipts.repository.js';
import { receiptFileKey, type ReceiptFileStore } from './receipt-files.js';
import type { LinkQuery, ReceiptLinks } from './receipt-links.js';

/** A generated answer, its PDF link still a path: the route makes it absolute with the request's origin. */
export type GeneratedReceipt = GenerateReceiptResponse;

export interface ReceiptFile {
  bytes: Uint8Array;
  /** `receipt-T1-42.pdf` */
  filename: string;
}

export interface ReceiptsService {
  /** RX1, RX3: the receipt of one of the shop's sales, written as the phone writes it, and its PDF stored behind a link. */
  generate(claims: DeviceClaims, request: GenerateReceiptRequest): Promise<GeneratedReceipt>;
  /** A stored PDF, for whoever holds a valid, unexpired link to it (D32). */
  file(key: string, query: Partial<LinkQuery>): Promise<ReceiptFile>;
}

export interface ReceiptsDeps {
  db: Db;
  files: ReceiptFileStore;
  links: ReceiptLinks;
  now?: () => Date;
}

export function createReceiptsService({ db, files, links, now = () => new Date() }: ReceiptsDeps): ReceiptsService {
  return {
    async generate(claims, request) {
      const { tenantId } = claims;
      const found = await db.withTenant(tenantId, async (tx) => {
        const identity = await findSaleIdentity(tx, tenantId, request.saleId);
        if (!identity) return null;
        const [sale] = await findSalesByReceipt(tx, tenantId, {
          kind: 'code',
          deviceId: identity.deviceId,
          localId: identity.localId,
        });
        if (!sale) return null;
        const settings = await readShopSettings(tx, tenantId);
        const businessName = await readBusinessName(tx, tenantId);
        const customerId = sale.sale.customerId;
        const stored = customerId ? await findCustomer(tx, tenantId, customerId) : null;
        const customer: ReceiptCustomer | null = stored ? { name: stored.name, phone: stored.phone } : null;
        return { identity, sale, settings, businessName, customer };
      });
      if (!found) throw new AppError('OT_ERR_SALE_NOT_FOUND');
      const { identity, sale, settings, businessName, customer } = found;

      // The same inputs the selling phone builds from, so the words match it letter for letter.
      const number = sale.receiptNumber ?? sale.sale.localId;
      const copy = request.copy ?? false;
      const receipt = buildReceipt({
        sale: sale.sale,
        deviceId: sale.deviceId,
        number,
        shop: { name: businessName, address: settings.address, phone: settings.phone, vatNumber: settings.vatNumber },
        cashier: sale.cashier ?? null,
        customer,
        copy,
      });
      const layout = receiptLayout(receipt, request.language);
      const receiptText = whatsappReceipt(layout);

      const key = receiptFileKey({ tenantId, saleId: identity.id, language: request.language, copy });
      await files.put(key, await pdfReceipt(layout), 'application/pdf');
      const link = links.sign(key, number, now());
      return {
        receiptText,
        whatsappUrl: whatsappUrl(receiptText, customer?.phone),
        pdfUrl: link.path,
        pdfUrlExpiresAt: link.expiresAt.toISOString(),
        ...(request.format === 'print' && { html: printReceiptHtml(layout, request.paper ?? 80) }),
      };
    },

    async file(key, query) {
      const { number } = links.verify(key, query, now());
      const bytes = await files.get(key);
      if (!bytes) throw new AppError('OT_ERR_RECEIPT_FILE_NOT_FOUND');
      return { bytes, filename: `receipt-${number}.pdf` };
    },
  };
}
