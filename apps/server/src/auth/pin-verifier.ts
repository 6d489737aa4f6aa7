import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { PIN_VERIFIER_ITERATIONS, type PinVerifier } from '@opentill/domain';

const derive = promisify(pbkdf2);

/**
 * The PBKDF2-SHA256 verifier of a PIN that shared devices keep (SPEC ID3),
 * made when the server has the PIN in hand (registration, sign-in, a new PIN).
 * The server itself checks PINs against the Argon2id hash, never against this.
 */
export async function makePinVerifier(pin: string, iterations = PIN_VERIFIER_ITERATIONS): Promise<PinVerifier> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, iterations, 32, 'sha256');
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: salt.toString('base64'), hash: key.toString('base64') };
}
