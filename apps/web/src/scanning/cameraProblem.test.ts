import { describe, expect, it } from 'vitest';
import { cameraProblemBeforeAsking, cameraProblemOf } from './cameraProblem';

describe('cameraProblemBeforeAsking', () => {
  it('refuses a page that is not a secure context, before asking for anything', () => {
    expect(cameraProblemBeforeAsking(false, undefined)).toBe('insecure');
    expect(cameraProblemBeforeAsking(false, {})).toBe('insecure');
  });

  it('says there is no camera when a secure page has no mediaDevices, and nothing otherwise', () => {
    expect(cameraProblemBeforeAsking(true, undefined)).toBe('noCamera');
    expect(cameraProblemBeforeAsking(true, {})).toBeNull();
  });
});

describe('cameraProblemOf', () => {
  it('reads the DOMException names browsers reject getUserMedia with', () => {
    const problem = (name: string) => cameraProblemOf(new DOMException('x', name));
    expect(problem('NotAllowedError')).toBe('denied');
    expect(problem('SecurityError')).toBe('denied');
    expect(problem('NotFoundError')).toBe('noCamera');
    expect(problem('OverconstrainedError')).toBe('noCamera');
    expect(problem('NotReadableError')).toBe('busy');
    expect(problem('AbortError')).toBe('busy');
  });

  it('calls anything else a failure', () => {
    expect(cameraProblemOf(new TypeError('bad constraints'))).toBe('failed');
    expect(cameraProblemOf('nope')).toBe('failed');
  });
});
