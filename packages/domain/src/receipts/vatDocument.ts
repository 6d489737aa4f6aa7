import { cents, type Cents } from '../money/cents.js';

/**
 * Which document a sale's slip must be under South Africa's VAT Act, s. 20 (SPEC VD):
 * a shop not registered for VAT issues a plain receipt; a registered one a till slip
 * up to R 50, an abridged tax invoice up to R 5,000, a full tax invoice above.
 */
export type VatDocumentKind = 'receipt' | 'till_slip' | 'abridged_tax_invoice' | 'full_tax_invoice';

/** VD2: up to this (VAT inclusive) no tax invoice is needed. */
export const TILL_SLIP_MAX: Cents = cents(5_000);
/** VD3: up to this an abridged tax invoice will do; above it, a full one (VD4). */
export const ABRIDGED_INVOICE_MAX: Cents = cents(500_000);

/** VD1–VD4: the document a sale of `total` (cents, VAT inclusive) needs. */
export function vatDocumentKind(total: Cents, vatRegistered: boolean): VatDocumentKind {
  if (!vatRegistered) return 'receipt';
  if (total <= TILL_SLIP_MAX) return 'till_slip';
  return total <= ABRIDGED_INVOICE_MAX ? 'abridged_tax_invoice' : 'full_tax_invoice';
}

/** VD5: only a tax invoice says "Tax Invoice"; a receipt of an unregistered shop never does. */
export const isTaxInvoice = (kind: VatDocumentKind) => kind === 'abridged_tax_invoice' || kind === 'full_tax_invoice';

/** What a document must name (VD6), as far as the shop and the buyer supply it. */
export interface DocumentParties {
  supplier: { name: string; address: string | null; vatNumber: string | null };
  /** The buyer, captured at the till for a full tax invoice. */
  recipient?: { name: string; address: string | null; vatNumber: string | null };
}

export type MissingParticular = 'supplierAddress' | 'supplierVatNumber' | 'recipientName' | 'recipientAddress';

/**
 * VD6: the particulars a tax invoice cannot go without that the shop or buyer has
 * not given: the supplier's address and VAT number on both kinds, and on a full
 * tax invoice the recipient's name and address (their VAT number only if they are
 * registered, so never required here). Empty: the document can be issued.
 */
export function missingParticulars(kind: VatDocumentKind, parties: DocumentParties): MissingParticular[] {
  if (!isTaxInvoice(kind)) return [];
  const missing: MissingParticular[] = [];
  if (!parties.supplier.address?.trim()) missing.push('supplierAddress');
  if (!parties.supplier.vatNumber?.trim()) missing.push('supplierVatNumber');
  if (kind === 'full_tax_invoice') {
    if (!parties.recipient?.name.trim()) missing.push('recipientName');
    if (!parties.recipient?.address?.trim()) missing.push('recipientAddress');
  }
  return missing;
}

/** VD7: a South African VAT number: ten digits starting with 4. */
export const isVatNumber = (text: string) => /^4\d{9}$/.test(text.trim());
