import { devicePublicKeySchema, type DevicePublicKey } from '@opentill/domain';

/*
 * This phone's key pair (SPEC ID17): made at sign-in, its private half never leaves WebCrypto
 * (not extractable), and every refresh is signed with it, so a refresh token copied off the
 * phone is useless elsewhere. No window or DOM: the service worker refreshes too.
 */

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface DeviceKey {
  keyPair: CryptoKeyPair;
  /** What the server keeps: only the curve and the point. */
  publicKey: DevicePublicKey;
}

/**
 * A new key pair, or null where the browser has no WebCrypto (a page served over plain HTTP):
 * the server then opens a session that refreshes without a signature.
 */
export async function createDeviceKey(): Promise<DeviceKey | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const keyPair = await subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const { kty, crv, x, y } = await subtle.exportKey('jwk', keyPair.publicKey);
  return { keyPair, publicKey: devicePublicKeySchema.parse({ kty, crv, x, y }) };
}

/** base64url without padding, as the API spells binary. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The proof a refresh needs: ECDSA P-256 / SHA-256 over the UTF-8 bytes of the server's nonce.
 * WebCrypto gives it as IEEE P1363 (r‖s, 64 bytes), the form the server verifies.
 */
export async function signNonce(privateKey: CryptoKey, nonce: string): Promise<string> {
  const signature = await crypto.subtle.sign(SIGNATURE, privateKey, new TextEncoder().encode(nonce));
  return base64url(new Uint8Array(signature));
}
