/**
 * Device tokens: JWTs signed with HS256 under a key id, so keys can be rotated
 * (issue 4 moves to asymmetric keys and short access tokens with refresh).
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../http/errors.js';

export const TOKEN_ISSUER = 'opentill';
export const TOKEN_LIFETIME = '30d';

export interface SigningKey {
  kid: string;
  secret: string;
}

/** What a device token says about its holder (seed 000 `JWTPayload`, extended). */
export interface DeviceClaims {
  tenantId: string;
  branchId: string;
  deviceId: string;
  userId: string;
  permissions: string[];
}

export interface TokenService {
  sign(claims: DeviceClaims): Promise<string>;
  verify(token: string): Promise<DeviceClaims>;
}

export function createTokenService(keys: readonly SigningKey[]): TokenService {
  const current = keys[0];
  if (!current) throw new Error('At least one signing key is needed');
  const byKid = new Map(keys.map((key) => [key.kid, new TextEncoder().encode(key.secret)]));

  return {
    async sign(claims) {
      return new SignJWT({ tid: claims.tenantId, bid: claims.branchId, did: claims.deviceId, perm: claims.permissions })
        .setProtectedHeader({ alg: 'HS256', kid: current.kid })
        .setSubject(claims.userId)
        .setIssuer(TOKEN_ISSUER)
        .setIssuedAt()
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(byKid.get(current.kid) as Uint8Array);
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const key = header.kid ? byKid.get(header.kid) : undefined;
            if (!key) throw new joseErrors.JWKSNoMatchingKey();
            return key;
          },
          { issuer: TOKEN_ISSUER, algorithms: ['HS256'] },
        );
        const { tid, bid, did, perm, sub } = payload;
        if (typeof tid !== 'string' || typeof bid !== 'string' || typeof did !== 'string' || typeof sub !== 'string') {
          throw new AppError('OT_ERR_UNAUTHENTICATED');
        }
        const permissions = Array.isArray(perm) ? perm.filter((p): p is string => typeof p === 'string') : [];
        return { tenantId: tid, branchId: bid, deviceId: did, userId: sub, permissions };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('OT_ERR_UNAUTHENTICATED');
      }
    },
  };
}
