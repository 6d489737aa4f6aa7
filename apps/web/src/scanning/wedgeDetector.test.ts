import { describe, expect, it } from 'vitest';
import {
  createWedgeDetector,
  isPrintableKey,
  WEDGE_MAX_KEY_GAP_MS,
  WEDGE_QUIET_BEFORE_MS,
  type WedgeDetector,
} from './wedgeDetector';

/** Feeds `keys` one after another, `gap` ms apart from `start`; returns what the last key gave. */
function type(detector: WedgeDetector, keys: readonly string[], gap: number, start = 1_000): string | null {
  let result: string | null = null;
  keys.forEach((key, index) => {
    result = detector.feed(key, start + index * gap);
  });
  return result;
}

const chars = (text: string) => [...text];
const SCANNER_GAP = 8;
const HUMAN_GAP = 120;

describe('createWedgeDetector', () => {
  it('reads an EAN-13 typed by a scanner, ending in Enter', () => {
    expect(type(createWedgeDetector(), [...chars('6001234567890'), 'Enter'], SCANNER_GAP)).toBe('6001234567890');
  });

  it('reads digits and letters (Code 128), capitals sent with Shift, and keeps Shift out of the code', () => {
    const keys = ['A', 'B', 'C', '-', '1', '2', '3', 'x', 'y', 'Enter'];
    expect(type(createWedgeDetector(), keys, SCANNER_GAP)).toBe('ABC-123xy');
    const shifted = ['Shift', 'A', 'Shift', 'B', '9', '8', '7', '6', 'Enter'];
    expect(type(createWedgeDetector(), shifted, SCANNER_GAP)).toBe('AB9876');
  });

  it('takes a gap of exactly the threshold, and not one millisecond more', () => {
    const keys = [...chars('123456'), 'Enter'];
    expect(type(createWedgeDetector(), keys, WEDGE_MAX_KEY_GAP_MS)).toBe('123456');
    expect(type(createWedgeDetector(), keys, WEDGE_MAX_KEY_GAP_MS + 1)).toBeNull();
  });

  it('ignores a person typing the same characters at human speed', () => {
    expect(type(createWedgeDetector(), [...chars('6001234567890'), 'Enter'], HUMAN_GAP)).toBeNull();
  });

  it('ignores a person who types fast but not scanner-fast (80 ms between keys)', () => {
    expect(type(createWedgeDetector(), [...chars('12345678'), 'Enter'], 80)).toBeNull();
  });

  it('gives nothing for a scan interrupted by a pause, rather than a shortened code', () => {
    const detector = createWedgeDetector();
    type(detector, chars('60'), SCANNER_GAP, 1_000);
    // A Bluetooth hiccup: the other eleven characters arrive 150 ms later, fast, with their Enter.
    expect(type(detector, [...chars('01234567890'), 'Enter'], SCANNER_GAP, 1_158)).toBeNull();
    // The next scan, after the cashier paused, reads normally.
    expect(type(detector, [...chars('6001234567890'), 'Enter'], SCANNER_GAP, 3_000)).toBe('6001234567890');
  });

  it('gives nothing for a pause before Enter', () => {
    const detector = createWedgeDetector();
    type(detector, chars('6001234567890'), SCANNER_GAP, 1_000);
    expect(detector.feed('Enter', 1_000 + 12 * SCANNER_GAP + 100)).toBeNull();
  });

  it('needs at least six characters', () => {
    expect(type(createWedgeDetector(), [...chars('12345'), 'Enter'], SCANNER_GAP)).toBeNull();
    expect(type(createWedgeDetector(), [...chars('123456'), 'Enter'], SCANNER_GAP)).toBe('123456');
  });

  it('starts a scan afresh after slow typing and a quiet moment: only the fast burst is the code', () => {
    const detector = createWedgeDetector();
    type(detector, chars('abc'), HUMAN_GAP, 1_000);
    const quietFrom = 1_000 + 2 * HUMAN_GAP;
    expect(type(detector, [...chars('96385074'), 'Enter'], SCANNER_GAP, quietFrom + WEDGE_QUIET_BEFORE_MS)).toBe(
      '96385074',
    );
    type(detector, chars('abc'), HUMAN_GAP, 5_000);
    const tooSoon = 5_000 + 2 * HUMAN_GAP + WEDGE_QUIET_BEFORE_MS - 1;
    expect(type(detector, [...chars('96385074'), 'Enter'], SCANNER_GAP, tooSoon)).toBeNull();
  });

  it('reads two scans in a row, each on its own', () => {
    const detector = createWedgeDetector();
    expect(type(detector, [...chars('11111111'), 'Enter'], SCANNER_GAP, 1_000)).toBe('11111111');
    expect(type(detector, [...chars('22222222'), 'Enter'], SCANNER_GAP, 1_100)).toBe('22222222');
  });

  it('starts the next code right after an Enter, even back to back', () => {
    const detector = createWedgeDetector();
    expect(type(detector, [...chars('123456'), 'Enter'], SCANNER_GAP, 1_000)).toBe('123456');
    expect(type(detector, [...chars('789012'), 'Enter'], SCANNER_GAP, 1_000 + 7 * SCANNER_GAP)).toBe('789012');
  });

  it('breaks the burst on a named key such as Tab or Backspace, and takes no code right after it', () => {
    const keys = [...chars('123'), 'Backspace', ...chars('456'), 'Enter'];
    expect(type(createWedgeDetector(), keys, SCANNER_GAP)).toBeNull();
    expect(type(createWedgeDetector(), [...chars('1234'), 'Tab', ...chars('567890'), 'Enter'], SCANNER_GAP)).toBeNull();
  });

  it('takes no code that starts right after an interruption, and one after a quiet moment', () => {
    const detector = createWedgeDetector();
    detector.interrupt(1_000);
    expect(type(detector, [...chars('96385074'), 'Enter'], SCANNER_GAP, 1_100)).toBeNull();
    expect(type(detector, [...chars('96385074'), 'Enter'], SCANNER_GAP, 2_000)).toBe('96385074');
  });

  it('gives nothing for a lone Enter', () => {
    expect(createWedgeDetector().feed('Enter', 1_000)).toBeNull();
  });

  it('counts the characters of the burst so far, for the caller to swallow them', () => {
    const detector = createWedgeDetector();
    detector.feed('1', 1_000);
    expect(detector.burstLength).toBe(1);
    detector.feed('2', 1_010);
    expect(detector.burstLength).toBe(2);
    detector.feed('3', 1_500);
    expect(detector.burstLength).toBe(1);
    detector.interrupt(1_510);
    expect(detector.burstLength).toBe(0);
  });
});

describe('isPrintableKey', () => {
  it('takes one character, including a space and non-Latin letters, and refuses named keys', () => {
    for (const key of ['a', 'Z', '7', ' ', '-', 'é', '😀']) expect(isPrintableKey(key)).toBe(true);
    for (const key of ['Enter', 'Tab', 'Shift', 'F5', 'ArrowLeft', 'Dead', '', '\u0000', '\u007f']) {
      expect(isPrintableKey(key)).toBe(false);
    }
  });
});
