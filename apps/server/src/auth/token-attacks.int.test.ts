/**
 * Issue 4, "Must show" 3: forged, tampered, expired and revoked tokens are refused,
 * a refresh token used twice ends its whole session (SPEC ID11, ID17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey, generateKeyPairSync, sign as signBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import type { FastifyInstance } from 'fastify';
import { OWNER_ACTIONS, type DevicePublicKey, type Session, type SessionTokens } from '@opentill/domain';
import {
  TEST_DB_KIND,
  TEST_TOKEN_KEY,
  bearer,
  randomPhone,
  registerShop,
  signInDevice,
  testApp,
  testDb,
} from '../test/test-app.js';
import { TOKEN_ISSUER } from './tokens.js';
import { auditLog } from '../db/schema.js';
import { eq } from 'drizzle-orm';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function roster(token: string) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/staff/roster',
    headers: { authorization: `Bearer ${token}` },
  });
  return [response.statusCode, response.json<{ error?: { code: string } }>().error?.code];
}

async function refresh(refreshToken: string, signature?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken, ...(signature ? { signature } : {}) },
  });
  return { status: response.statusCode, body: response.json<SessionTokens & { error?: { code: string } }>() };
}

/** A device key pair as the PWA makes one with WebCrypto: the public half as a JWK, signatures in P1363. */
function deviceKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return {
    publicJwk: { kty, crv, x, y } as DevicePublicKey,
    sign: (nonce: string) =>
      signBytes('sha256', Buffer.from(nonce), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
  };
}

describe(`token attacks on ${TEST_DB_KIND}`, () => {
  it('refuses alg none, HS256 with the public key, a wrong key, tampered claims, another issuer and an expired token', async () => {
    const owner = await registerShop(app);
    expect(await roster(owner.token)).toEqual([200, undefined]);
    const claims = decodeJwt(owner.token);
    const payload = { tid: claims.tid, bid: claims.bid, did: claims.did, perm: [...OWNER_ACTIONS] };
    const realKey = createPrivateKey(TEST_TOKEN_KEY.privateKey);
    const signed = (
      key: Parameters<SignJWT['sign']>[0],
      build: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
      alg = 'EdDSA',
    ) =>
      build(
        new SignJWT(payload)
          .setProtectedHeader({ alg, kid: 'test' })
          .setSubject(String(claims.sub))
          .setIssuer(TOKEN_ISSUER)
          .setIssuedAt()
          .setExpirationTime('10m'),
      ).sign(key);

    const none = new UnsecuredJWT(payload).setSubject(String(claims.sub)).setIssuer(TOKEN_ISSUER).encode();
    // The classic confusion: the server's public key used as an HMAC secret.
    const confused = await signed(new TextEncoder().encode(TEST_TOKEN_KEY.publicKey), undefined, 'HS256');
    const wrongKey = await signed(generateKeyPairSync('ed25519').privateKey);
    const [header, body, signature] = owner.token.split('.');
    const tamperedBody = Buffer.from(
      JSON.stringify({ ...claims, perm: ['user:manage'], tid: crypto.randomUUID() }),
    ).toString('base64url');
    const tampered = `${header}.${tamperedBody}.${signature}`;
    const otherIssuer = await signed(realKey, (jwt) => jwt.setIssuer('someone-else'));
    const expired = await signed(realKey, (jwt) => jwt.setIssuedAt(1_000_000).setExpirationTime(1_000_060));
    const unknownKid = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'nope' })
      .setSubject(String(claims.sub))
      .setIssuer(TOKEN_ISSUER)
      .setExpirationTime('10m')
      .sign(realKey);

    for (const token of [
      none,
      confused,
      wrongKey,
      tampered,
      otherIssuer,
      expired,
      unknownKid,
      `${header}.${body}.`,
      'garbage',
    ]) {
      expect(await roster(token)).toEqual([401, 'OT_ERR_UNAUTHENTICATED']);
    }
    // The real key with its real claims still works: the refusals above are about the forgeries.
    expect(await roster(await signed(realKey))).toEqual([200, undefined]);
  });

  it('rotates refresh tokens; a used one presented again ends the whole session, audited', async () => {
    const owner = await registerShop(app);
    const first = await refresh(owner.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(owner.refreshToken);
    expect(await roster(first.body.token)).toEqual([200, undefined]);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);

    // The first token again after its successor was used (a thief's copy): the family is revoked.
    const stolen = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: owner.refreshToken },
      headers: { 'user-agent': 'thief' },
    });
    expect(stolen.statusCode).toBe(401);
    expect(stolen.json<{ error: { code: string } }>().error.code).toBe('OT_ERR_SESSION_INVALID');
    // ...and so is the newest token, which the legitimate device holds.
    expect((await refresh(second.body.refreshToken)).body.error?.code).toBe('OT_ERR_SESSION_INVALID');
    const db = await testDb();
    const entries = await db.withTenant(owner.tenant.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.tenantId, owner.tenant.id)),
    );
    expect(entries.filter((entry) => entry.action === 'token.reuse_detected')).toHaveLength(1);
  });

  it('gives a retried refresh (lost answer) the same successor instead of ending the session', async () => {
    const owner = await registerShop(app);
    const first = await refresh(owner.refreshToken);
    const retried = await refresh(owner.refreshToken);
    expect(retried.status).toBe(200);
    expect(retried.body.refreshToken).toBe(first.body.refreshToken);
    expect((await refresh(retried.body.refreshToken)).status).toBe(200);
    // Once its successor was used, the old token is a reuse even within the grace.
    expect((await refresh(owner.refreshToken)).status).toBe(401);
  });

  it('refreshes a key-bound session only with a signature by the device’s key', async () => {
    const key = deviceKey();
    const owner = await registerShop(app, { devicePublicKey: key.publicJwk });
    const thief = deviceKey();
    expect((await refresh(owner.refreshToken)).status).toBe(401);
    expect((await refresh(owner.refreshToken, thief.sign(owner.refreshNonce))).status).toBe(401);
    expect((await refresh(owner.refreshToken, key.sign('another nonce'))).status).toBe(401);
    const good = await refresh(owner.refreshToken, key.sign(owner.refreshNonce));
    expect(good.status).toBe(200);
    expect((await refresh(good.body.refreshToken, key.sign(good.body.refreshNonce))).status).toBe(200);
  });

  it('lets a removed device refresh only to deliver what it holds, and refuses garbage tokens', async () => {
    const owner = await registerShop(app);
    const till: Session = await signInDevice(app, owner);
    const revoked = await app.inject({
      method: 'POST',
      url: `/api/v1/devices/${till.device.id}/revoke`,
      headers: bearer(owner),
    });
    expect(revoked.statusCode).toBe(204);
    const refreshed = await refresh(till.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body.token).perm).toEqual(['sync:push']);
    // Every route but the push checks the device: refused.
    expect(await roster(refreshed.body.token)).toEqual([401, 'OT_ERR_DEVICE_UNKNOWN']);
    expect((await refresh(`${owner.tenant.id}.${'A'.repeat(43)}`)).status).toBe(401);
    expect((await refresh(`not-a-tenant.${'A'.repeat(43)}`)).status).toBe(401);
    expect((await refresh(randomPhone().padEnd(60, 'x'))).status).toBe(401);
  });
});
