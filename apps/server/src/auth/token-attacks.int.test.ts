/** Issue 4, "Must show" 3: forged, tampered, expired and revoked tokens are refused with 401. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import type { FastifyInstance } from 'fastify';
import { OWNER_ACTIONS } from '@opentill/domain';
import { TEST_DB_KIND, registerShop, testApp } from '../test/test-app.js';
import { TOKEN_ISSUER } from './tokens.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const TEST_SECRET = new TextEncoder().encode('test-secret-that-is-long-enough-0123456789');

async function roster(token: string) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/staff/roster',
    headers: { authorization: `Bearer ${token}` },
  });
  return [response.statusCode, response.json<{ error?: { code: string } }>().error?.code];
}

describe(`token attacks on ${TEST_DB_KIND}`, () => {
  it('refuses alg none, a wrong key, tampered claims, another issuer and an expired token', async () => {
    const owner = await registerShop(app);
    expect(await roster(owner.token)).toEqual([200, undefined]);
    const claims = decodeJwt(owner.token);
    const payload = { tid: claims.tid, bid: claims.bid, did: claims.did, perm: [...OWNER_ACTIONS] };
    const signed = (secret: Uint8Array, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
      build(
        new SignJWT(payload)
          .setProtectedHeader({ alg: 'HS256', kid: 'test' })
          .setSubject(String(claims.sub))
          .setIssuer(TOKEN_ISSUER)
          .setIssuedAt()
          .setExpirationTime('1h'),
      ).sign(secret);

    const none = new UnsecuredJWT(payload).setSubject(String(claims.sub)).setIssuer(TOKEN_ISSUER).encode();
    const wrongKey = await signed(new TextEncoder().encode('another-secret-that-is-long-enough-012345'));
    const [header, body, signature] = owner.token.split('.');
    const tamperedBody = Buffer.from(
      JSON.stringify({ ...claims, perm: ['user:manage'], tid: crypto.randomUUID() }),
    ).toString('base64url');
    const tampered = `${header}.${tamperedBody}.${signature}`;
    const otherIssuer = await signed(TEST_SECRET, (jwt) => jwt.setIssuer('someone-else'));
    const expired = await signed(TEST_SECRET, (jwt) => jwt.setIssuedAt(1_000_000).setExpirationTime(1_000_060));
    const unknownKid = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', kid: 'nope' })
      .setSubject(String(claims.sub))
      .setIssuer(TOKEN_ISSUER)
      .setExpirationTime('1h')
      .sign(TEST_SECRET);

    for (const token of [none, wrongKey, tampered, otherIssuer, expired, unknownKid, `${header}.${body}.`, 'garbage']) {
      expect(await roster(token)).toEqual([401, 'OT_ERR_UNAUTHENTICATED']);
    }
    // The real key with its real claims still works: the refusals above are about the forgeries.
    expect(await roster(await signed(TEST_SECRET))).toEqual([200, undefined]);
  });
});
