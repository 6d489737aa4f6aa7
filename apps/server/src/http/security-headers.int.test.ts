/**
 * SPEC ID13: every answer (the PWA's files, the API, errors, the poke stream)
 * carries the security headers, and HSTS only when the request came over TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { bearer, registerShop, testApp } from '../test/test-app.js';

/** The policy as the issue asks for it, written out here so a change to it must change this test. */
const EXPECTED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};
const HSTS = 'max-age=31536000; includeSubDomains';

type Headers = Record<string, string | string[] | number | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return value === undefined ? undefined : String(value);
}

function parseCsp(policy: string | undefined): Record<string, string[]> {
  if (!policy) return {};
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(headers: Headers): void {
  const csp = header(headers, 'content-security-policy');
  expect(parseCsp(csp)).toEqual(EXPECTED_CSP);
  // 'wasm-unsafe-eval' compiles WebAssembly only; JavaScript eval and inline code stay refused.
  expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  expect(header(headers, 'content-security-policy-report-only')).toBeUndefined();
  expect(header(headers, 'x-content-type-options')).toBe('nosniff');
  expect(header(headers, 'referrer-policy')).toBe('no-referrer');
  expect(header(headers, 'cross-origin-opener-policy')).toBe('same-origin');
  expect(header(headers, 'x-frame-options')).toBe('DENY');
  const permissions = header(headers, 'permissions-policy')?.split(/,\s*/) ?? [];
  expect(permissions).toContain('camera=(self)');
  expect(permissions).toEqual(
    expect.arrayContaining(['microphone=()', 'geolocation=()', 'payment=()', 'usb=(self)', 'serial=(self)']),
  );
  // Nothing but the camera and receipt printers' ports is allowed, and those to this origin only.
  expect(permissions.filter((feature) => !feature.endsWith('=()'))).toEqual([
    'camera=(self)',
    'usb=(self)',
    'serial=(self)',
  ]);
}

let app: FastifyInstance;
let proxied: FastifyInstance;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'opentill-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>OpenTill</title>');
  writeFileSync(join(webDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(webDir, 'manifest.webmanifest'), '{"name":"OpenTill"}');
  app = await testApp({ webDir });
  // As behind a load balancer with OPENTILL_TRUST_PROXY=true.
  proxied = await testApp({ webDir, trustProxy: true });
});

afterAll(async () => {
  await Promise.all([app.close(), proxied.close()]);
  rmSync(webDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each(['/', '/index.html', '/sales/today'])('are on the PWA page %s', async (path) => {
    const response = await app.inject(path);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>OpenTill</title>');
    expectSecurityHeaders(response.headers);
  });

  it('leave the service worker and the manifest served as what they are', async () => {
    const worker = await app.inject('/sw.js');
    expect(worker.statusCode).toBe(200);
    // With nosniff a worker script must be labelled JavaScript, or registration fails.
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(worker.body).toContain('addEventListener');
    expectSecurityHeaders(worker.headers);

    const manifest = await app.inject('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expectSecurityHeaders(manifest.headers);
  });

  it('are on an API answer', async () => {
    const response = await app.inject('/api/v1/health');
    expect(response.statusCode).toBe(200);
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ['an unknown API path', { method: 'GET', url: '/api/v1/nowhere' }, 404],
    ['a missing asset', { method: 'GET', url: '/assets/gone-123.js' }, 404],
    ['a request without a token', { method: 'POST', url: '/api/v1/sync', payload: {} }, 401],
    [
      'malformed JSON',
      {
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: '{"phone": ',
        headers: { 'content-type': 'application/json' },
      },
      400,
    ],
  ] as const)('are on an error answer: %s', async (_name, request, status) => {
    const response = await app.inject(request);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toHaveProperty('error.code');
    expectSecurityHeaders(response.headers);
  });

  it('are on the poke stream, which writes its own head', async () => {
    const session = await registerShop(app);
    const listening = await testApp();
    try {
      await listening.listen({ port: 0, host: '127.0.0.1' });
      const { port } = listening.server.address() as AddressInfo;
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/sync/events`, {
        headers: bearer(session),
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expectSecurityHeaders(Object.fromEntries(response.headers));
      expect(response.headers.get('strict-transport-security')).toBeNull();
      controller.abort();
    } finally {
      await listening.close();
    }
  });
});

describe('HSTS', () => {
  it('is not sent over plain HTTP', async () => {
    for (const instance of [app, proxied]) {
      const response = await instance.inject('/');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('is sent when a trusted proxy says the request came over TLS', async () => {
    for (const url of ['/', '/api/v1/health', '/api/v1/nowhere']) {
      const response = await proxied.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers['strict-transport-security']).toBe(HSTS);
      expectSecurityHeaders(response.headers);
    }
  });

  it('is not sent when the proxy says the request came over plain HTTP', async () => {
    const response = await proxied.inject({ url: '/', headers: { 'x-forwarded-proto': 'http' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('is not sent on a client’s own X-Forwarded-Proto when no proxy is trusted', async () => {
    const response = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
