import {
  isVatNumber,
  missingParticulars,
  type Buyer,
  type DocumentParties,
  type VatDocumentKind,
} from '@opentill/domain';

/** The buyer's details as typed at the till. */
export interface BuyerDraft {
  name: string;
  address: string;
  vatNumber: string;
}

export const EMPTY_BUYER: BuyerDraft = { name: '', address: '', vatNumber: '' };

export type BuyerProblem = 'recipientName' | 'recipientAddress' | 'vatNumber';

/**
 * VD4: the buyer a full tax invoice must name, from what the cashier typed: their name and address
 * (the domain's `missingParticulars`) and their VAT number only if they are registered (VD7 when
 * given). Null when the sale's document names no buyer (`kind` is not a full tax invoice).
 */
export function buyerFromDraft(
  draft: BuyerDraft,
  kind: VatDocumentKind,
  supplier: DocumentParties['supplier'],
): { buyer: Buyer } | { problems: BuyerProblem[] } | null {
  if (kind !== 'full_tax_invoice') return null;
  const vatNumber = draft.vatNumber.replace(/\s/g, '');
  const recipient = { name: draft.name.trim(), address: draft.address.trim() || null, vatNumber: vatNumber || null };
  // Only the buyer's particulars stop the sale: the shop's own address is the owner's to set, not the cashier's.
  const problems: BuyerProblem[] = missingParticulars(kind, { supplier, recipient }).filter(
    (missing): missing is 'recipientName' | 'recipientAddress' =>
      missing === 'recipientName' || missing === 'recipientAddress',
  );
  if (vatNumber && !isVatNumber(vatNumber)) problems.push('vatNumber');
  return problems.length > 0 ? { problems } : { buyer: recipient };
}
