/** `bytes` in pieces of at most `size` bytes, in order: what a printer link takes in one write. */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A chunk holds at least one byte, not ${size}`);
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}
