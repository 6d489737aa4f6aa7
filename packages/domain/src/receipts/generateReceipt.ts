import * as z from 'zod/mini';
import { parseReceiptQuery } from '../sales/receiptNumber.js';
import { RECEIPT_LANGUAGES } from './receiptLanguages.js';

/** What `POST /api/v1/receipts/generate` writes: the server's renderings (ESC/POS stays on the till). */
export const GENERATED_RECEIPT_FORMATS = ['whatsapp', 'print', 'pdf'] as const;
export type GeneratedReceiptFormat = (typeof GENERATED_RECEIPT_FORMATS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A sale as the request names it: the server's id, or the receipt code the device knows offline (RC2). */
export type SaleReference = { kind: 'id'; id: string } | { kind: 'code'; deviceId: string; localId: string };

/** The sale a `saleId` names, or null when it is neither a UUID nor a receipt code. */
export function parseSaleReference(text: string): SaleReference | null {
  const trimmed = text.trim();
  if (UUID.test(trimmed)) return { kind: 'id', id: trimmed.toLowerCase() };
  const query = parseReceiptQuery(trimmed);
  return query?.kind === 'code' ? query : null;
}

/**
 * The body of `POST /api/v1/receipts/generate` (seed contract): a sale by its
 * server id or receipt code `OT1:<deviceId>:<localId>`, the rendering, the language;
 * `paper` shapes the print page (58 or 80 mm, default 80), `copy` marks a reprint (RX2).
 */
export const generateReceiptRequestSchema = z.object({
  saleId: z.pipe(
    z.string().check(z.maxLength(120)),
    z.transform((text, context): SaleReference => {
      const reference = parseSaleReference(text);
      if (reference) return reference;
      context.issues.push({
        code: 'custom',
        input: text,
        message: 'A sale id (UUID) or receipt code (OT1:<deviceId>:<localId>).',
      });
      return z.NEVER;
    }),
  ),
  format: z.enum(GENERATED_RECEIPT_FORMATS),
  language: z.enum(RECEIPT_LANGUAGES),
  paper: z.optional(z.union([z.literal(58), z.literal(80)])),
  copy: z.optional(z.boolean()),
});
export type GenerateReceiptRequest = z.output<typeof generateReceiptRequestSchema>;

/**
 * The answer: the WhatsApp text (for every format: it is the receipt in words), a
 * wa.me link to the customer's number when known, a signed link to the PDF that
 * expires, and for `print` the printable page.
 */
export const generateReceiptResponseSchema = z.object({
  receiptText: z.string(),
  whatsappUrl: z.string(),
  pdfUrl: z.string(),
  /** When the PDF link stops working (ISO 8601). */
  pdfUrlExpiresAt: z.string(),
  /** `format: "print"` only: the page for 58 or 80 mm paper (RX7). */
  html: z.optional(z.string()),
});
export type GenerateReceiptResponse = z.infer<typeof generateReceiptResponseSchema>;
