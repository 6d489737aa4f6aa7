import { isVatNumber, type ShopSettingsPatch } from '@opentill/domain';

/** The receipt details as typed: empty means "none". */
export interface ReceiptDetailsDraft {
  vatNumber: string;
  address: string;
  phone: string;
}

export type ReceiptDetailsProblem = 'vatNumber' | 'phone';

/** The phone number a receipt prints: the shop settings' rule (digits, spaces, brackets, a leading +). */
const PHONE = /^\+?[\d ()-]{6,20}$/;

/**
 * The PATCH for the typed details (VD7: a VAT number is ten digits starting with 4; spaces typed
 * between its digits are dropped), or what is wrong with them. Empty fields clear the setting.
 */
export function receiptDetailsPatch(
  draft: ReceiptDetailsDraft,
): { patch: ShopSettingsPatch } | { problems: ReceiptDetailsProblem[] } {
  const vatNumber = draft.vatNumber.replace(/\s/g, '');
  const address = draft.address.trim();
  const phone = draft.phone.trim();
  const problems: ReceiptDetailsProblem[] = [];
  if (vatNumber && !isVatNumber(vatNumber)) problems.push('vatNumber');
  if (phone && !PHONE.test(phone)) problems.push('phone');
  if (problems.length > 0) return { problems };
  return { patch: { vatNumber: vatNumber || null, address: address || null, phone: phone || null } };
}
