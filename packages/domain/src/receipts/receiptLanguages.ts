/**
 * The languages a receipt is written in: the customer's choice at the till (SPEC RX3). On their own,
 * apart from the words (`receiptWords.ts`), so the sync protocol's schemas can name them without
 * bringing every receipt word into the till's first screen.
 */
export const RECEIPT_LANGUAGES = ['en', 'af', 'zu'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

export const isReceiptLanguage = (value: string): value is ReceiptLanguage =>
  (RECEIPT_LANGUAGES as readonly string[]).includes(value);
