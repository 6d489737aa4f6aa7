import type { PinVerifier } from '@opentill/domain';

/** The derived key's length: PBKDF2-SHA256 verifiers hold 32 bytes (packages/domain staff.ts). */
const KEY_BYTES = 32;

/** A verifier's salt and expected key as bytes, ready for WebCrypto. */
export interface DecodedVerifier {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Null for a verifier no PIN could match (bad base64, a key of the wrong size): as good as none. */
export function decodeVerifier(verifier: PinVerifier): DecodedVerifier | null {
  const salt = base64ToBytes(verifier.salt);
  const hash = base64ToBytes(verifier.hash);
  if (!salt || salt.length === 0 || hash?.length !== KEY_BYTES) return null;
  return { iterations: verifier.iterations, salt, hash };
}

/** Compares every byte whatever the first difference, so the time taken says nothing about where it is. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/**
 * Checks a PIN on the device with no network (SPEC ID3): PBKDF2-SHA256 with the
 * verifier's salt and iterations through WebCrypto, then a constant-time comparison
 * with the stored key. Slow on purpose (about 0.1 s a guess); the lockout
 * (db/pinAttempts.ts) stops a person trying all 10,000 four-digit PINs.
 */
export async function pinMatches(pin: string, verifier: DecodedVerifier): Promise<boolean> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: verifier.salt, iterations: verifier.iterations },
    material,
    KEY_BYTES * 8,
  );
  return constantTimeEqual(new Uint8Array(bits), verifier.hash);
}
