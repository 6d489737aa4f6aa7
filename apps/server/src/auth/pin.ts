/**
 * PINs are hashed with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane):
 * slow enough to resist guessing a stolen hash, fast enough for a phone's sign-in.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the package exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID: Algorithm.Argon2id = 2;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPin(pin: string): Promise<string> {
  return hash(pin, ARGON2_OPTIONS);
}

export async function verifyPin(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin);
  } catch {
    return false;
  }
}

/** A real hash of a PIN nobody has, verified when the phone is unknown, so timing tells nothing. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(pin: string): Promise<false> {
  decoy ??= hashPin('decoy-pin-never-valid');
  await verifyPin(await decoy, pin);
  return false;
}
