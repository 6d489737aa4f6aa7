import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../test/test-app.js';
import { IMMUTABLE, NO_CACHE } from './web-app.js';

let app: FastifyInstance;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'opentill-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>OpenTill</title>');
  writeFileSync(join(webDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(webDir, 'manifest.webmanifest'), '{"name":"OpenTill"}');
  writeFileSync(join(webDir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  writeFileSync(join(webDir, 'icon-192.png'), 'png');
  app = await testApp({ webDir });
});

afterAll(async () => {
  await app.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('serving the PWA', () => {
  it('caches hashed assets for a year, immutably', async () => {
    const response = await app.inject('/assets/index-3f9a1c.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
  });

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])(
    'never caches %s without revalidating',
    async (path) => {
      const response = await app.inject(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe(NO_CACHE);
    },
  );

  it('answers the app’s own routes with index.html, so a reload works', async () => {
    const response = await app.inject('/products');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>OpenTill</title>');
    expect(response.headers['cache-control']).toBe(NO_CACHE);
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const response = await app.inject('/assets/index-old123.js');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<title>');
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const response = await app.inject('/api/v1/unknown');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_NOT_FOUND' } });
  });

  it('does not serve files outside the build folder', async () => {
    const response = await app.inject('/../package.json');
    expect(response.body).not.toContain('"name": "@opentill/server"');
  });
});
