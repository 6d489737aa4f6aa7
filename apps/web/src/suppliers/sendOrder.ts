import type { TFunction } from 'i18next';
import {
  normalizeZaPhone,
  purchaseOrderDocument,
  purchaseOrderText,
  whatsappUrl,
  type PurchaseOrder,
  type PurchaseOrderDocument,
} from '@opentill/domain';
import { downloadBytes } from '../receipts/download';

/** The order as the supplier reads it, in the phone's language (PO4). */
export function orderDocument(
  order: PurchaseOrder,
  shopName: string,
  date: string,
  t: TFunction,
): PurchaseOrderDocument {
  return purchaseOrderDocument(
    order,
    { name: shopName, date },
    {
      title: t('suppliers.document.title'),
      branch: t('suppliers.document.branch'),
      date: t('suppliers.document.date'),
      supplier: t('suppliers.document.supplier'),
      phone: t('suppliers.document.phone'),
      total: t('suppliers.document.total'),
      note: t('suppliers.document.note'),
    },
  );
}

/**
 * The wa.me link that opens WhatsApp with the order typed in, to the supplier's
 * number as WhatsApp wants it (27 and the national number); without a usable
 * number, WhatsApp asks whom to send it to.
 */
export function orderWhatsappUrl(document: PurchaseOrderDocument, phone: string | null): string {
  return whatsappUrl(purchaseOrderText(document), phone ? normalizeZaPhone(phone) : null);
}

/** The file name an order is saved under: its number, made safe for any file system. */
export const orderFileName = (number: string) => `purchase-order-${number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;

/** Makes the PDF on the phone and saves it; pdf-lib loads on the tap, as for a receipt. */
export async function saveOrderPdf(document: PurchaseOrderDocument): Promise<void> {
  const { pdfPurchaseOrder } = await import('@opentill/domain/suppliers/pdf');
  downloadBytes(await pdfPurchaseOrder(document), orderFileName(document.number), 'application/pdf');
}
