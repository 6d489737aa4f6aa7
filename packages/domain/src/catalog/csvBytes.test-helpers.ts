/** Bytes for the CSV tests, made without TextEncoder (the domain's lib has no DOM). */

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  const escaped = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let index = 0; index < escaped.length; index += 1) {
    if (escaped[index] === '%') {
      bytes.push(parseInt(escaped.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(escaped.charCodeAt(index));
  }
  return Uint8Array.from(bytes);
}

/** Windows-1252 bytes of text in Latin-1 (what Excel on Windows saves for "Crème"). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
}
