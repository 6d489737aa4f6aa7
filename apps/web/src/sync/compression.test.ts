import { describe, expect, it } from 'vitest';
import { MIN_GZIP_BYTES, decodeJsonBody, encodeJsonBody, utf8Length } from './compression';

describe('encodeJsonBody', () => {
  it('gzips a body where CompressionStream exists, and it decodes to the same JSON', async () => {
    const json = JSON.stringify({
      pendingOperations: Array.from({ length: 50 }, (_, i) => ({ seq: i, name: 'Brød ✓' })),
    });
    const encoded = await encodeJsonBody(json);
    expect(encoded.contentEncoding).toBe('gzip');
    expect(encoded.body).toBeInstanceOf(Blob);
    const bytes = new Uint8Array(await (encoded.body as Blob).arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number
    expect(bytes.length).toBeLessThan(utf8Length(json) / 4);
    expect(await decodeJsonBody(encoded.body, 'gzip')).toBe(json);
  });

  it('sends plain JSON without CompressionStream, or for a tiny body', async () => {
    const json = JSON.stringify({ a: 'x'.repeat(MIN_GZIP_BYTES) });
    expect(await encodeJsonBody(json, null)).toEqual({ body: json, contentEncoding: null });
    expect(await encodeJsonBody('{"cursor":null}')).toEqual({ body: '{"cursor":null}', contentEncoding: null });
  });
});

describe('utf8Length', () => {
  it('counts UTF-8 bytes as TextEncoder does', () => {
    for (const text of ['', 'abc', 'Brød', '✓ R 1 234,50', '😀 emoji', 'a\u0800b']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
