/**
 * Access tokens: short-lived JWTs signed with Ed25519 under a key id (SPEC ID17).
 * The newest key signs; every key still known verifies, so keys rotate without
 * signing anyone out. A token whose key this instance does not know yet (another
 * instance rotated) makes it reload the keys once, not on every request.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../http/errors.js';

export const TOKEN_ISSUER = 'opentill';
/** Short: a revoked session or a disabled person stops working within this, without a check per request. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ALGORITHM = 'EdDSA';
/** The least time between two reloads of the keys prompted by unknown key ids (a forger sends many). */
const RELOAD_INTERVAL_MS = 10_000;

export interface TokenKey {
  kid: string;
  /** PKCS#8 PEM. */
  privateKey: string;
  /** SPKI PEM. */
  publicKey: string;
}

/** A new Ed25519 key pair; the key id says when it was made, for people reading `signing_keys`. */
export function generateTokenKey(kid = `k${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    kid,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  } satisfies TokenKey;
}

/** What an access token says about its holder (seed 000 `JWTPayload`, extended). */
export interface DeviceClaims {
  tenantId: string;
  branchId: string;
  deviceId: string;
  userId: string;
  permissions: string[];
  /** The session it was issued in; absent only in tokens tests make by hand. */
  sessionId?: string;
}

export interface TokenService {
  sign(claims: DeviceClaims): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<DeviceClaims>;
}

interface LoadedKeys {
  signing: { kid: string; key: KeyObject };
  verifying: Map<string, KeyObject>;
}

function load(keys: readonly TokenKey[]): LoadedKeys {
  const newest = keys[0];
  if (!newest) throw new Error('At least one signing key is needed');
  return {
    signing: { kid: newest.kid, key: createPrivateKey(newest.privateKey) },
    verifying: new Map(keys.map((key) => [key.kid, createPublicKey(key.publicKey)])),
  };
}

/**
 * `keys` newest first. `reload` (optional) reads them again when a token names a
 * key id this instance has not seen.
 */
export function createTokenService(
  keys: readonly TokenKey[],
  {
    reload,
    now = () => new Date(),
    lifetimeSeconds = ACCESS_TOKEN_SECONDS,
  }: { reload?: () => Promise<readonly TokenKey[]>; now?: () => Date; lifetimeSeconds?: number } = {},
): TokenService {
  let loaded = load(keys);
  let lastReload = 0;

  async function publicKeyFor(kid: string | undefined): Promise<KeyObject> {
    if (!kid) throw new joseErrors.JWKSNoMatchingKey();
    let key = loaded.verifying.get(kid);
    if (!key && reload && Date.now() - lastReload > RELOAD_INTERVAL_MS) {
      lastReload = Date.now();
      loaded = load(await reload());
      key = loaded.verifying.get(kid);
    }
    if (!key) throw new joseErrors.JWKSNoMatchingKey();
    return key;
  }

  return {
    async sign(claims) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = new Date((issuedAt + lifetimeSeconds) * 1000);
      const token = await new SignJWT({
        tid: claims.tenantId,
        bid: claims.branchId,
        did: claims.deviceId,
        perm: claims.permissions,
        ...(claims.sessionId ? { sid: claims.sessionId } : {}),
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: loaded.signing.kid })
        .setSubject(claims.userId)
        .setIssuer(TOKEN_ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(loaded.signing.key);
      return { token, expiresAt };
    },

    async verify(token) {
      try {
        // Only EdDSA: a token that names HS256 (signed with our public key as a secret) or none is refused.
        const { payload } = await jwtVerify(token, (header) => publicKeyFor(header.kid), {
          issuer: TOKEN_ISSUER,
          algorithms: [ALGORITHM],
          currentDate: now(),
        });
        const { tid, bid, did, perm, sub, sid } = payload;
        if (typeof tid !== 'string' || typeof bid !== 'string' || typeof did !== 'string' || typeof sub !== 'string') {
          throw new AppError('OT_ERR_UNAUTHENTICATED');
        }
        const permissions = Array.isArray(perm) ? perm.filter((p): p is string => typeof p === 'string') : [];
        return {
          tenantId: tid,
          branchId: bid,
          deviceId: did,
          userId: sub,
          permissions,
          ...(typeof sid === 'string' ? { sessionId: sid } : {}),
        };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('OT_ERR_UNAUTHENTICATED');
      }
    },
  };
}
