import { describe, expect, it } from 'vitest';
import { createRepeatFilter, REPEAT_QUIET_MS } from './repeatFilter';

describe('createRepeatFilter', () => {
  it('takes a code once while it stays in view, frame after frame', () => {
    const filter = createRepeatFilter();
    const reads = [0, 100, 200, 1_400, 2_800, 4_000].map((at) => filter.accept('6001234567890', at));
    expect(reads).toEqual([true, false, false, false, false, false]);
  });

  it('takes it again after it has been out of view longer than the quiet spell', () => {
    const filter = createRepeatFilter();
    expect(filter.accept('6001234567890', 0)).toBe(true);
    expect(filter.accept('6001234567890', REPEAT_QUIET_MS)).toBe(false);
    expect(filter.accept('6001234567890', 2 * REPEAT_QUIET_MS + 1)).toBe(true);
  });

  it('takes a different code at once, and two codes in one frame once each', () => {
    const filter = createRepeatFilter();
    const reads = [0, 50, 100, 150].map((at, index) => filter.accept(index % 2 === 0 ? 'A-1' : 'B-2', at));
    expect(reads).toEqual([true, true, false, false]);
  });

  it('forgets codes whose quiet spell is over, so a long session holds no history', () => {
    const filter = createRepeatFilter(100);
    expect(filter.accept('one', 0)).toBe(true);
    expect(filter.accept('two', 500)).toBe(true);
    expect(filter.accept('one', 550)).toBe(true);
  });
});
