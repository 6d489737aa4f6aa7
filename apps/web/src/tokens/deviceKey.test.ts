import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { devicePublicKeySchema, refreshRequestSchema } from '@opentill/domain';
import { getStoredTokens, saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { testSession } from '../testing/fixtures';
import { validAccessToken } from './accessToken';
import { base64url, createDeviceKey, signNonce } from './deviceKey';
import { FakeRefreshServer } from './fakeRefreshServer';

const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/** The public key as the server rebuilds it: from the JWK the phone sent at sign-in. */
async function serverSideKey(jwk: unknown): Promise<CryptoKey> {
  const parsed = devicePublicKeySchema.parse(jwk);
  return crypto.subtle.importKey('jwk', parsed, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
}

beforeEach(async () => {
  await resetLocalDatabase();
  vi.stubGlobal('navigator', { onLine: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the device key pair', () => {
  it('keeps the private key inside WebCrypto and sends only the curve and the point', async () => {
    const key = await createDeviceKey();
    if (!key) throw new Error('expected WebCrypto');
    expect(key.keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key.keyPair.privateKey)).rejects.toThrow();
    expect(Object.keys(key.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(key.publicKey).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('signs the nonce as the server verifies it: P1363 (64 bytes), base64url without padding', async () => {
    const key = await createDeviceKey();
    if (!key) throw new Error('expected WebCrypto');
    const nonce = 'n0nce-from-the-server_Zm9vYmFy';

    const signature = await signNonce(key.keyPair.privateKey, nonce);

    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(refreshRequestSchema.safeParse({ refreshToken: testSession().refreshToken, signature }).success).toBe(true);
    const bytes = fromBase64url(signature);
    expect(bytes).toHaveLength(64);
    const publicKey = await serverSideKey(key.publicKey);
    const data = (text: string) => new TextEncoder().encode(text);
    expect(await crypto.subtle.verify(SIGNATURE, publicKey, bytes, data(nonce))).toBe(true);
    expect(await crypto.subtle.verify(SIGNATURE, publicKey, bytes, data(`${nonce}x`))).toBe(false);
  });

  it('survives IndexedDB: the stored pair still signs the refreshes the server accepts', async () => {
    const key = await createDeviceKey();
    if (!key) throw new Error('expected WebCrypto');
    await saveSession(
      { ...testSession(), tokenExpiresAt: new Date(Date.now() - 1000).toISOString() },
      {
        deviceKey: key.keyPair,
      },
    );
    const stored = await getStoredTokens();
    expect(stored?.deviceKey?.privateKey.extractable).toBe(false);

    const server = new FakeRefreshServer(testSession(), await serverSideKey(key.publicKey));
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(server.fetch));
    expect(await validAccessToken()).toEqual({ ok: true, token: 'access-1' });
    expect(server.presented[0]?.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it('is refused when the refresh is signed by another key', async () => {
    const mine = await createDeviceKey();
    const thief = await createDeviceKey();
    if (!mine || !thief) throw new Error('expected WebCrypto');
    await saveSession(
      { ...testSession(), tokenExpiresAt: new Date(Date.now() - 1000).toISOString() },
      {
        deviceKey: thief.keyPair,
      },
    );
    const server = new FakeRefreshServer(testSession(), await serverSideKey(mine.publicKey));
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(server.fetch));
    expect(await validAccessToken()).toEqual({ ok: false, failure: 'ended' });
  });

  it('spells bytes in base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(base64url(new Uint8Array([1]))).toBe('AQ');
  });
});
