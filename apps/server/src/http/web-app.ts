import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from './errors.js';

/** Hashed build output never changes under its name: cache it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry page, the service worker and the manifest must be revalidated every time. */
export const NO_CACHE = 'no-cache';

const ALWAYS_FRESH = new Set(['/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js']);

function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return IMMUTABLE;
  if (ALWAYS_FRESH.has(urlPath)) return NO_CACHE;
  return 'public, max-age=3600';
}

/**
 * Serves the built PWA. Unknown paths outside /api get index.html, so the app's
 * own routes survive a reload; unknown /api paths get a JSON 404.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const hasBuild = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const urlPath = filePath.slice(webDir.length).replaceAll('\\', '/');
        res.setHeader('Cache-Control', cacheControlFor(urlPath.startsWith('/') ? urlPath : `/${urlPath}`));
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    // A missing hashed asset (e.g. an old page asking for last release's file) must
    // be a 404, never index.html: a service worker would cache HTML as JavaScript.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (isPage && hasBuild) {
      return reply.header('Cache-Control', NO_CACHE).sendFile('index.html');
    }
    return reply.status(404).send(errorBody('OT_ERR_NOT_FOUND'));
  });
}
