import * as z from 'zod/mini';
import { localIdSchema } from '../sales/sale.js';
import { RECEIPT_LANGUAGES } from './receiptLanguages.js';

/** How a receipt left the till: every rendering can be a reprint (RX2). */
export const RECEIPT_FORMATS = ['whatsapp', 'print', 'escpos', 'pdf'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];

/**
 * RX2: a receipt given again, marked COPY: the device reports each one so the
 * server counts it on the sale and the shop's audit log shows who gave it.
 */
export const reprintSchema = z.object({
  /** The sale, by the device that sold it and its local id (another device's sale can be reprinted too). */
  sale: z.object({ deviceId: z.uuid(), localId: localIdSchema }),
  format: z.enum(RECEIPT_FORMATS),
  language: z.enum(RECEIPT_LANGUAGES),
  at: z.iso.datetime({ offset: true }),
});
export type Reprint = z.infer<typeof reprintSchema>;
