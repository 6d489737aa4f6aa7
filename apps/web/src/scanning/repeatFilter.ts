/**
 * A camera reads the same barcode in frame after frame. A code counts once, then again only
 * after it has been out of view for a quiet spell (so a second packet of the same item scans
 * after it is taken away and brought back). Each code is timed on its own: two barcodes in
 * one frame do not keep re-triggering each other.
 */
export const REPEAT_QUIET_MS = 1_500;

export interface RepeatFilter {
  /** Whether a read of `code` at `at` (ms) is new; every read, taken or not, restarts its quiet spell. */
  accept(code: string, at: number): boolean;
}

export function createRepeatFilter(quietMs: number = REPEAT_QUIET_MS): RepeatFilter {
  const lastSeenAt = new Map<string, number>();
  return {
    accept(code, at) {
      const previous = lastSeenAt.get(code);
      for (const [seen, seenAt] of lastSeenAt) if (at - seenAt > quietMs) lastSeenAt.delete(seen);
      lastSeenAt.set(code, at);
      return previous === undefined || at - previous > quietMs;
    },
  };
}
