import type { BatchRefusalReason } from '@opentill/domain';

/** A record that fails the domain's checks; nothing of it was written. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
  constructor(readonly problems: string[]) {
    super(`Not saved: ${problems.join(' ')}`);
  }
}

/** A batch movement the rules refuse (BT8), with the domain's reason; nothing was queued. */
export class BatchRefusedError extends Error {
  override readonly name = 'BatchRefusedError';
  constructor(readonly reason: BatchRefusalReason) {
    super(`Not saved: ${reason}`);
  }
}

/**
 * True when a write failed because the device's storage is full. Dexie names the
 * error QuotaExceededError, or wraps it (an aborted transaction carries it as
 * `inner`); some browsers report it as the DOMException's legacy code 22.
 */
export function isStorageFullError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const candidate = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
    if (candidate.name === 'QuotaExceededError' || candidate.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if (current instanceof DOMException && candidate.code === 22) return true;
    current = candidate.inner ?? candidate.cause;
  }
  return false;
}
