/**
 * Receipt file stores, signed links and their configuration, without a database.
 * S3 is tested only this far: the signed requests a bucket would get (SigV4 over
 * path-style URLs), through a stand-in fetch; no real bucket is called.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createDirectoryFileStore, createS3FileStore, receiptFileKey } from './receipt-files.js';
import { createReceiptLinks } from './receipt-links.js';

const tenantId = randomUUID();
const key = receiptFileKey({ tenantId, saleId: randomUUID(), language: 'af', copy: false });
const pdf = new TextEncoder().encode('%PDF-1.7 a receipt');

describe('receipt file keys', () => {
  it('are per tenant, one file per sale, language and original or copy', () => {
    const saleId = randomUUID();
    expect(receiptFileKey({ tenantId, saleId, language: 'zu', copy: true })).toBe(`${tenantId}/${saleId}-zu-copy.pdf`);
    expect(receiptFileKey({ tenantId, saleId, language: 'en', copy: false })).toBe(
      `${tenantId}/${saleId}-en-original.pdf`,
    );
  });
});

describe('the directory store', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const store = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opentill-receipts-test-'));
    dirs.push(dir);
    return { dir, files: createDirectoryFileStore(dir) };
  };

  it('keeps a file under its tenant’s folder, replaces it whole, and answers null for none', async () => {
    const { dir, files } = await store();
    await files.put(key, pdf, 'application/pdf');
    expect(await files.get(key)).toEqual(pdf);
    await files.put(key, new Uint8Array([1, 2, 3]), 'application/pdf');
    expect(await files.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readdir(join(dir, tenantId))).toEqual([key.split('/')[1]]);
    expect(await files.get(`${tenantId}/${randomUUID()}-en-original.pdf`)).toBeNull();
  });

  it('refuses a key that could climb out of the store', async () => {
    const { files } = await store();
    for (const bad of [
      '../etc/passwd',
      `${tenantId}/../../x.pdf`,
      `${tenantId}/a/b.pdf`,
      'x.pdf',
      `${tenantId}/x.txt`,
    ]) {
      await expect(files.get(bad)).rejects.toThrow(/not a receipt file key/);
      await expect(files.put(bad, pdf, 'application/pdf')).rejects.toThrow(/not a receipt file key/);
    }
  });
});

describe('the S3 store (signed requests only: no bucket here)', () => {
  const settings = {
    endpoint: 'https://s3.af-south-1.example.test/',
    bucket: 'opentill-receipts',
    region: 'af-south-1',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  };

  it('PUTs path-style with a SigV4 signature over the body’s hash, and GETs it back', async () => {
    const seen: Request[] = [];
    const bodies = new Map<string, Uint8Array>();
    const fetcher = (async (input: Request) => {
      seen.push(input);
      if (input.method === 'PUT') {
        bodies.set(input.url, new Uint8Array(await input.arrayBuffer()));
        return new Response(null, { status: 200 });
      }
      const body = bodies.get(input.url);
      return body ? new Response(body, { status: 200 }) : new Response('NoSuchKey', { status: 404 });
    }) as typeof fetch;
    const files = createS3FileStore(settings, fetcher);

    await files.put(key, pdf, 'application/pdf');
    expect(await files.get(key)).toEqual(pdf);
    expect(await files.get(`${tenantId}/${randomUUID()}-en-copy.pdf`)).toBeNull();

    const [put, get] = seen;
    expect(put?.method).toBe('PUT');
    expect(put?.url).toBe(`https://s3.af-south-1.example.test/opentill-receipts/${key}`);
    expect(put?.headers.get('content-type')).toBe('application/pdf');
    expect(put?.headers.get('x-amz-content-sha256')).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(put?.headers.get('x-amz-date')).toMatch(/^\d{8}T\d{6}Z$/);
    const date = put?.headers.get('x-amz-date')?.slice(0, 8);
    expect(put?.headers.get('authorization')).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${date}/af-south-1/s3/aws4_request, ` +
          'SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$',
      ),
    );
    expect(get?.method).toBe('GET');
    expect(get?.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  });

  it('a bucket’s refusal is an error, not an empty receipt', async () => {
    const fetcher = (async () => new Response('AccessDenied', { status: 403 })) as typeof fetch;
    const files = createS3FileStore(settings, fetcher);
    await expect(files.put(key, pdf, 'application/pdf')).rejects.toThrow(/403/);
    await expect(files.get(key)).rejects.toThrow(/403/);
  });
});

describe('signed receipt links', () => {
  const links = createReceiptLinks(Buffer.alloc(32, 7), 900);
  const now = new Date('2026-11-30T10:00:00.000Z');
  const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

  it('name the file and expire after the link lifetime', () => {
    const link = links.sign(key, 'T1-42', now);
    expect(link.path.startsWith(`/api/v1/receipts/files/${key}?expires=`)).toBe(true);
    expect(link.expiresAt.toISOString()).toBe('2026-11-30T10:15:00.000Z');
    expect(links.verify(key, queryOf(link.path), now)).toEqual({ number: 'T1-42' });
    expect(() => links.verify(key, queryOf(link.path), new Date('2026-11-30T10:15:00.000Z'))).toThrow(
      expect.objectContaining({ code: 'OT_ERR_RECEIPT_LINK_EXPIRED' }),
    );
  });

  it('refuse any change to the key, the expiry, the number or the signature, and another server’s key', () => {
    const link = links.sign(key, 'T1-42', now);
    const query = queryOf(link.path);
    const other = receiptFileKey({ tenantId: randomUUID(), saleId: randomUUID(), language: 'af', copy: false });
    const invalid = { code: 'OT_ERR_RECEIPT_LINK_INVALID' };
    const flip = (text: string) => `${text.slice(0, -2)}${text.at(-2) === 'A' ? 'B' : 'A'}${text.at(-1)}`;
    expect(() => links.verify(other, query, now)).toThrow(expect.objectContaining(invalid));
    expect(() => links.verify(key, { ...query, expires: String(Number(query.expires) + 3600) }, now)).toThrow(
      expect.objectContaining(invalid),
    );
    expect(() => links.verify(key, { ...query, number: 'T1-43' }, now)).toThrow(expect.objectContaining(invalid));
    expect(() => links.verify(key, { ...query, signature: flip(query.signature ?? '') }, now)).toThrow(
      expect.objectContaining(invalid),
    );
    expect(() => links.verify(key, { ...query, signature: undefined }, now)).toThrow(expect.objectContaining(invalid));
    expect(() => links.verify(key, { ...query, signature: 'short' }, now)).toThrow(expect.objectContaining(invalid));
    const elsewhere = createReceiptLinks(Buffer.alloc(32, 8), 900);
    expect(() => elsewhere.verify(key, query, now)).toThrow(expect.objectContaining(invalid));
  });
});

describe('receipt storage configuration', () => {
  it('defaults to a folder in the data directory and 15-minute links', () => {
    const config = loadConfig({});
    expect(config.receipts).toEqual({
      storage: { kind: 'directory', dir: join('./data', 'receipts') },
      linkSeconds: 900,
    });
    expect(loadConfig({ OPENTILL_RECEIPTS_DIR: '/srv/receipts' }).receipts.storage).toEqual({
      kind: 'directory',
      dir: '/srv/receipts',
    });
    expect(loadConfig({ OPENTILL_RECEIPT_LINK_SECONDS: '3600' }).receipts.linkSeconds).toBe(3600);
    expect(() => loadConfig({ OPENTILL_RECEIPT_LINK_SECONDS: '5' })).toThrow(/OPENTILL_RECEIPT_LINK_SECONDS/);
  });

  it('uses S3 when all its variables are set, and names the missing ones when some are', () => {
    const s3 = {
      OPENTILL_S3_ENDPOINT: 'https://s3.af-south-1.amazonaws.com',
      OPENTILL_S3_BUCKET: 'shop-receipts',
      OPENTILL_S3_ACCESS_KEY: 'AKID',
      OPENTILL_S3_SECRET_KEY: 'secret',
      OPENTILL_S3_REGION: 'af-south-1',
    };
    expect(loadConfig(s3).receipts.storage).toEqual({
      kind: 's3',
      endpoint: 'https://s3.af-south-1.amazonaws.com',
      bucket: 'shop-receipts',
      region: 'af-south-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    expect(() => loadConfig({ ...s3, OPENTILL_S3_SECRET_KEY: '' })).toThrow(/OPENTILL_S3_SECRET_KEY/);
    expect(() => loadConfig({ ...s3, OPENTILL_S3_ENDPOINT: 'ftp://x' })).toThrow(/OPENTILL_S3_ENDPOINT/);
  });
});
