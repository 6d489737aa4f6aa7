/**
 * One-time recovery codes: the way back in when the phone with the authenticator is lost (issue 4).
 * Each is 10 characters of Crockford base32 (50 random bits), shown as "xxxxx-xxxxx" in lower case,
 * and is stored only as a hash.
 *
 * SHA-256 rather than Argon2id: a slow hash protects guessable secrets, and these are not guessable.
 * Online, 2^50 possibilities (10 codes an account) against a rate-limited sign-in are out of reach.
 * Offline, whoever has read the database already has the TOTP secrets stored beside these hashes,
 * a quicker way past the second factor than cracking a code. If the TOTP secrets are ever encrypted
 * under a key kept outside the database, key these hashes the same way (HMAC).
 * A fast hash also lets one attempt check all 10 stored codes without 10 Argon2 runs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const CODE_LENGTH = 10;
/** Crockford's base32: no I, L, O or U, so nothing read aloud or copied by hand is ambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{10}$/;

export interface RecoveryCodes {
  /** Shown to the user once, to write down; never stored. */
  readonly codes: readonly string[];
  /** SHA-256 hex of each code's canonical form, in the same order: what the server keeps. */
  readonly hashes: readonly string[];
}

export function generateRecoveryCodes(): RecoveryCodes {
  const canonical = Array.from({ length: RECOVERY_CODE_COUNT }, randomCanonicalCode);
  return { codes: canonical.map(displayed), hashes: canonical.map(sha256Hex) };
}

/**
 * The canonical form of what the user typed, or null if it cannot be a code: case, spaces and dashes
 * ignored, and Crockford's look-alikes read as digits (I and L as 1, O as 0).
 */
export function normalizeRecoveryCode(input: string): string | null {
  const canonical = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_]/gu, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return CANONICAL.test(canonical) ? canonical : null;
}

export type RecoveryCodeUse = { ok: true; remaining: string[] } | { ok: false };

/**
 * Uses up the code the user typed: `remaining` is `storedHashes` without it, for the caller to store
 * in the same transaction as the sign-in, so that the code works once.
 */
export function consumeRecoveryCode(input: string, storedHashes: readonly string[]): RecoveryCodeUse {
  const canonical = normalizeRecoveryCode(input);
  if (canonical === null) return { ok: false };
  const hashed = sha256Hex(canonical);
  // Every stored hash is compared, in constant time, so timing tells nothing about which one matched.
  let matched = -1;
  for (const [index, stored] of storedHashes.entries()) {
    if (sameText(stored, hashed) && matched === -1) matched = index;
  }
  if (matched === -1) return { ok: false };
  return { ok: true, remaining: storedHashes.filter((_, index) => index !== matched) };
}

/** From 10 random bytes: a byte's low 5 bits are uniform, as 256 is a multiple of 32. */
function randomCanonicalCode(): string {
  return [...randomBytes(CODE_LENGTH)].map((byte) => ALPHABET.charAt(byte & 0x1f)).join('');
}

/** "K3V9Q7MZ2D" → "k3v9q-7mz2d": lower case is quicker to type on a phone, and any case is accepted back. */
function displayed(canonical: string): string {
  const half = CODE_LENGTH / 2;
  return `${canonical.slice(0, half)}-${canonical.slice(half)}`.toLowerCase();
}

function sha256Hex(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
