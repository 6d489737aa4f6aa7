import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Accepts gzip-compressed request bodies (ARCHITECTURE "Sync" 8: slow links).
 * Fastify's body limit then applies to the decompressed bytes, so a small
 * compressed bomb cannot expand past it.
 */
export function acceptGzipBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return payload;
    if (encoding !== 'gzip') throw new AppError('OT_ERR_UNSUPPORTED_MEDIA_TYPE');
    const gunzip = createGunzip();
    payload.on('error', (error) => gunzip.destroy(error));
    const inflated = payload.pipe(gunzip);
    // Fastify checks the declared length against what it reads: after inflating, they differ.
    delete request.headers['content-length'];
    return inflated;
  });
}
