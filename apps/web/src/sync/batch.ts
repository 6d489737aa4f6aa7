import type { Operation } from '@opentill/domain';
import { utf8Length } from './compression';

/** Most uncompressed JSON one push may carry (ARCHITECTURE "Sync" 8: batches capped by count and bytes). */
export const MAX_PUSH_BYTES = 256 * 1024;

/**
 * The longest prefix of `operations` (already in lane and seq order) whose JSON
 * fits in `maxBytes`, counting the request around it (`envelopeBytes`). An
 * operation is never split, and one that is too big on its own goes alone, so the
 * queue never sticks behind it. Taking a prefix keeps every lane gap-free.
 */
export function takeBatch<T extends Operation>(
  operations: readonly T[],
  envelopeBytes: number,
  maxBytes: number = MAX_PUSH_BYTES,
): T[] {
  const batch: T[] = [];
  let bytes = envelopeBytes;
  for (const operation of operations) {
    const size = utf8Length(JSON.stringify(operation)) + (batch.length > 0 ? 1 : 0); // the comma
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(operation);
    bytes += size;
  }
  return batch;
}
