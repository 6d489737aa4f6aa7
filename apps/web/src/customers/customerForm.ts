import { normalizeZaPhone, parseRands } from '@opentill/domain';

/** The customer form as typed. */
export interface CustomerFormInput {
  name: string;
  phone: string;
  creditLimit: string;
}

export type CustomerFormProblem = 'name' | 'phone' | 'creditLimit';

export type CustomerFormResult =
  | { ok: true; details: { name: string; phone: string; creditLimit: number | null } }
  | { ok: false; problems: CustomerFormProblem[] };

/**
 * CU1: a name, a South African mobile number or none, a credit limit in rands or
 * none (M4: typed amounts are parsed, never rounded). Every problem at once.
 */
export function readCustomerForm(input: CustomerFormInput): CustomerFormResult {
  const problems: CustomerFormProblem[] = [];
  const name = input.name.trim();
  if (name === '' || name.length > 80) problems.push('name');
  const phone = input.phone.trim();
  const normalized = phone === '' ? '' : normalizeZaPhone(phone);
  if (normalized === null) problems.push('phone');
  const creditLimit = readCreditLimit(input.creditLimit);
  if (creditLimit === 'invalid') problems.push('creditLimit');
  if (problems.length > 0 || creditLimit === 'invalid') return { ok: false, problems };
  return { ok: true, details: { name, phone: normalized ?? '', creditLimit } };
}

/** A typed limit: empty is no book (null); anything not a rand amount is `invalid` (M4). */
export function readCreditLimit(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseRands(text) ?? 'invalid';
}
