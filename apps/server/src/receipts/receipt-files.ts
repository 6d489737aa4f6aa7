/**
 * Where generated receipt PDFs are kept until their links expire (docs/OPERATIONS.md
 * "Receipt files"): a directory on the server's disk, or an S3-compatible bucket.
 * Keys are per tenant: `<tenantId>/<saleId>-<language>-<original|copy>.pdf`.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import type { ReceiptLanguage } from '@opentill/domain';

export interface ReceiptFileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes; null when there is none (never stored, or cleaned away). */
  get(key: string): Promise<Uint8Array | null>;
}

/** A key the stores accept: a tenant's folder and one file name, nothing that climbs out of it. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[A-Za-z0-9_-]{1,100}\.pdf$/;

export const isReceiptFileKey = (key: string) => KEY.test(key);

function checkKey(key: string): void {
  if (!isReceiptFileKey(key)) throw new Error(`not a receipt file key: ${JSON.stringify(key)}`);
}

/** The PDF of a sale in a language, the original or a copy: one file, rewritten when generated again. */
export function receiptFileKey(parts: {
  tenantId: string;
  saleId: string;
  language: ReceiptLanguage;
  copy: boolean;
}): string {
  return `${parts.tenantId}/${parts.saleId}-${parts.language}-${parts.copy ? 'copy' : 'original'}.pdf`;
}

/** Files under `dir`, written to a temporary name and renamed, so a reader never sees half a PDF. */
export function createDirectoryFileStore(dir: string): ReceiptFileStore {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    checkKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new Error(`receipt file key outside the store: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = join(dirname(path), `.${randomUUID()}.tmp`);
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

export interface S3Settings {
  /** `https://s3.af-south-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, a MinIO address. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * An S3-compatible bucket, path-style (`<endpoint>/<bucket>/<key>`, which AWS, R2
 * and MinIO all take), with SigV4-signed PUT and GET (aws4fetch). `fetch` is
 * replaceable so tests can see the signed requests without a bucket.
 */
export function createS3FileStore(settings: S3Settings, fetcher: typeof fetch = fetch): ReceiptFileStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: 's3',
    region: settings.region,
    retries: 0,
  });
  const base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`;
  const urlOf = (key: string) => {
    checkKey(key);
    return `${base}/${key}`;
  };
  return {
    async put(key, bytes, contentType) {
      const request = await client.sign(urlOf(key), {
        method: 'PUT',
        body: bytes,
        headers: {
          'content-type': contentType,
          // Signed, so the bucket refuses a body changed on the way (aws4fetch would send UNSIGNED-PAYLOAD).
          'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
        },
      });
      const response = await fetcher(request);
      if (!response.ok) throw new Error(`S3 PUT ${key} answered ${response.status}: ${await response.text()}`);
    },
    async get(key) {
      const request = await client.sign(urlOf(key), { method: 'GET' });
      const response = await fetcher(request);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 GET ${key} answered ${response.status}: ${await response.text()}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

export type ReceiptStorage = { kind: 'directory'; dir: string } | ({ kind: 's3' } & S3Settings);

export function createReceiptFileStore(storage: ReceiptStorage): ReceiptFileStore {
  return storage.kind === 's3' ? createS3FileStore(storage) : createDirectoryFileStore(storage.dir);
}
