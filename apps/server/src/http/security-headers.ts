/**
 * Security headers on every response, API and PWA alike (SPEC ID13). One policy
 * everywhere: the JSON answers gain nothing from a looser one, and sw.js gets the
 * CSP its worker runs under from its own response.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The Content-Security-Policy. Everything the built PWA loads is its own: the
 * Vite build emits no inline <script>, no <style> and no style="" (React sets
 * styles through the CSSOM, which CSP does not govern), so neither scripts nor
 * styles need 'unsafe-inline'. Only img-src widens, to data: and blob: URLs:
 * the two-factor enrolment QR code (SPEC ID8) and camera stills for barcode
 * scanning are drawn that way, and an image cannot run code. Scripts add
 * 'wasm-unsafe-eval': it lets the page compile WebAssembly (the camera
 * scanner's fallback barcode decoder, served from our own origin, D27) and does
 * not allow eval() of JavaScript.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
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

/**
 * Powerful features the till does not use are off for every frame; the camera
 * stays for this origin only, for barcode scanning, and so do USB and serial
 * ports, for receipt printers (WebUSB, Web Serial: the browser still asks the
 * cashier to pick the device). Only features Chromium
 * knows are named: an unknown one is a console warning on every page load
 * (e2e/tests/csp.spec.ts fails on it; `bluetooth` is one in Debian's Chromium).
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=(self)',
  'serial=(self)',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'xr-spatial-tracking=()',
].join(', ');

/** A year, subdomains included: what browsers' preload lists ask for, short of `preload` itself. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export async function sendSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      // Helmet's defaults would add upgrade-insecure-requests, which breaks the app
      // wherever it is reached over plain HTTP: every directive is spelled out here.
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([name, sources]) => [name, [...sources]])),
    },
    frameguard: { action: 'deny' },
    // The app only talks to its own origin, and the server reads no Referer: send none,
    // so a link out never tells another site the till's address.
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Set below, only over TLS: browsers ignore HSTS on a plain-HTTP answer (RFC 6797
    // 8.1), so sending it there would only suggest a protection that is not in place.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    // On the raw response, as helmet does, so a hijacked reply (the poke stream
    // writes its own head) carries them too; Node merges them into writeHead.
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    // 'https' when the socket is TLS, or when OPENTILL_TRUST_PROXY is on and the
    // proxy says so (X-Forwarded-Proto): never from an untrusted client's header.
    if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS);
    done();
  });
}
