/**
 * Account passwords are hashed with Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane), the
 * parameters PINs use (pin.ts): a password of 12+ characters carries far more entropy than a PIN, so
 * the same cost protects it better, and sign-in stays quick on the server's 2 cores. `verify` reads the
 * parameters from each stored hash, so raising them later leaves old hashes verifiable.
 */
import { hash, verify } from '@node-rs/argon2';
import { normalizePassword } from '@opentill/domain';
import { ARGON2_OPTIONS } from './pin.js';

/** Hashes the NFKC form (`normalizePassword`), so the same password typed on any device verifies. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/** False, not an error, for a malformed stored hash: the caller treats it as a wrong password. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}
