import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from about a second, with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
  });

  it('never waits more than 60 s, however many failures', () => {
    for (const attempt of [6, 10, 50, 1000]) {
      expect(backoffDelay(attempt, () => 1)).toBe(MAX_BACKOFF_MS);
      expect(backoffDelay(attempt, () => 0)).toBe(MAX_BACKOFF_MS / 2);
    }
  });
});
