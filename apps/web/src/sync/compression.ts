/** A request body ready for fetch, with the Content-Encoding it needs (if any). */
export interface EncodedBody {
  body: string | Blob;
  contentEncoding: 'gzip' | null;
}

/**
 * Below this size gzip saves next to nothing (its header and an empty dictionary
 * cost about as much as it gains), so a pull-only request goes as it is.
 */
export const MIN_GZIP_BYTES = 256;

/** Bytes of a string as UTF-8 (what the server counts), without allocating the bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Gzips a JSON body where the browser has CompressionStream (the server accepts
 * `Content-Encoding: gzip`); elsewhere, or for a tiny body, sends plain JSON. A
 * push of sales compresses to a fraction: on prepaid data every kilobyte counts.
 */
export async function encodeJsonBody(
  json: string,
  /** The browser's CompressionStream; null (or absent) sends plain JSON. */
  Compression: typeof CompressionStream | null | undefined = globalThis.CompressionStream,
): Promise<EncodedBody> {
  if (!Compression || utf8Length(json) < MIN_GZIP_BYTES) return { body: json, contentEncoding: null };
  const stream = new Blob([json]).stream().pipeThrough(new Compression('gzip'));
  const body = await new Response(stream).blob();
  return { body, contentEncoding: 'gzip' };
}

/** Reads a body encodeJsonBody made (tests, and the fake server). */
export async function decodeJsonBody(body: string | Blob, contentEncoding: string | null): Promise<string> {
  if (typeof body === 'string') return body;
  if (contentEncoding !== 'gzip') return body.text();
  return new Response(body.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
