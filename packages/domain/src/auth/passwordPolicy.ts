import { normalizeZaPhone } from './registration.js';

/**
 * Account passwords (issue 4): length rules only, no composition rules (NIST SP 800-63B: required
 * symbols and digits make passwords harder to remember, not harder to guess). A tenant picks a policy;
 * the server also refuses common passwords and the last `historyDepth` ones.
 */
export interface PasswordPolicy {
  /** In Unicode code points, after NFKC normalization. */
  readonly minLength: number;
  /** Bounds the Argon2id input and the common-password check's work. */
  readonly maxLength: number;
  /** How many previous passwords (the current one included) a new one must differ from. */
  readonly historyDepth: number;
}

export const PASSWORD_POLICIES = {
  standard: { minLength: 12, maxLength: 128, historyDepth: 5 },
  pharmacy: { minLength: 16, maxLength: 128, historyDepth: 5 },
} as const satisfies Record<string, PasswordPolicy>;

export type PasswordPolicyPreset = keyof typeof PASSWORD_POLICIES;

export const PASSWORD_PROBLEM_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_SAME_AS_EMAIL',
  'PASSWORD_SAME_AS_PHONE',
  'PASSWORD_SAME_AS_NAME',
  'PASSWORD_COMMON',
] as const;
export type PasswordProblemCode = (typeof PASSWORD_PROBLEM_CODES)[number];

export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly message: string;
}

/** Receives the NFKC-normalized password; the server's list lookup, or `() => false` where no list is at hand. */
export type IsCommonPassword = (normalizedPassword: string) => boolean;

/** What the password must not simply repeat, and the common-password check to apply. */
export interface PasswordContext {
  readonly email?: string;
  readonly phone?: string;
  /** The person's name. */
  readonly name?: string;
  readonly businessName?: string;
  readonly isCommon: IsCommonPassword;
}

/**
 * NFKC, so a password typed as composed or decomposed characters (or full-width digits) is the same
 * password on every device. Hash and verify this form, never the raw input.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in code points, so an emoji or an accented letter counts as one character, not two. */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/** Every rule the password breaks, in a stable order; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
): PasswordProblem[] {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const problems: PasswordProblem[] = [];
  const add = (code: PasswordProblemCode, message: string) => problems.push({ code, message });

  if (length < policy.minLength) {
    add('PASSWORD_TOO_SHORT', `Use at least ${policy.minLength} characters.`);
  }
  if (length > policy.maxLength) {
    // Nothing else is checked: the other rules' work should not grow with an oversized input.
    add('PASSWORD_TOO_LONG', `Use at most ${policy.maxLength} characters.`);
    return problems;
  }
  if (context.email !== undefined && isSameAsEmail(normalized, context.email)) {
    add('PASSWORD_SAME_AS_EMAIL', 'Choose a password that is not your email address.');
  }
  if (context.phone !== undefined && isSameAsPhone(normalized, context.phone)) {
    add('PASSWORD_SAME_AS_PHONE', 'Choose a password that is not your phone number.');
  }
  if ([context.name, context.businessName].some((name) => name !== undefined && isSameText(normalized, name))) {
    add('PASSWORD_SAME_AS_NAME', 'Choose a password that is not your name or the shop’s name.');
  }
  if (context.isCommon(normalized)) {
    add('PASSWORD_COMMON', 'This password is too common: people guess it first. Try a few unrelated words.');
  }
  return problems;
}

/** Letters and digits only, lower case: "Nomsa Dlamini" and "nomsa.dlamini" compare equal. */
function lettersAndDigits(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function isSameText(password: string, text: string): boolean {
  const target = lettersAndDigits(text);
  return target !== '' && lettersAndDigits(password) === target;
}

/** The whole address or the part before the @. */
function isSameAsEmail(password: string, email: string): boolean {
  const at = email.lastIndexOf('@');
  return isSameText(password, email) || (at > 0 && isSameText(password, email.slice(0, at)));
}

/** "082 123 4567" and "+27821234567" are the same number. */
function isSameAsPhone(password: string, phone: string): boolean {
  const asPhone = normalizeZaPhone(password);
  return (asPhone !== null && asPhone === normalizeZaPhone(phone)) || isSameText(password, phone);
}
