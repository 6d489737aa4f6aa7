/**
 * Tells a keyboard-wedge barcode scanner from a person at the keyboard. USB and Bluetooth
 * scanners "type" the code as a burst of keystrokes ending in Enter; this sees only keys and
 * their times (no DOM), so it is tested with explicit timestamps.
 */

/**
 * The longest gap between two keys of one scan. Scanners send a key every 2–20 ms (a slow
 * Bluetooth link still stays under 30 ms); people type at least ~80 ms apart, even in fast
 * bursts of a familiar word. 35 ms keeps a wide margin on both sides.
 */
export const WEDGE_MAX_KEY_GAP_MS = 35;

/**
 * A burst counts only if it starts after an Enter or after this long
 * with no key. A burst that starts sooner is most likely the tail of a scan that stalled
 * (a Bluetooth hiccup): reading it would give a wrong, shortened code. No person types a
 * stray key and fires a scanner within half a second.
 */
export const WEDGE_QUIET_BEFORE_MS = 500;

/** The shortest code taken as a scan: EAN-8 is the shortest retail barcode (UPC-E is 6 or 8). */
export const WEDGE_MIN_CODE_LENGTH = 6;

/** Keys a scanner may send around a character (Shift for capitals) that neither count nor break a burst. */
const IGNORED_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Unidentified']);

export interface WedgeDetector {
  /** Feeds one keydown (`KeyboardEvent.key`) at time `at` (ms); gives the code when this Enter completes a scan. */
  feed(key: string, at: number): string | null;
  /** How many characters the current fast burst holds (1 for a lone key, 0 after an Enter or an interruption). */
  readonly burstLength: number;
  /** A key at `at` that is no part of a scan (typed into a field, a shortcut): drops the burst, and the next must wait for quiet. */
  interrupt(at: number): void;
}

/** One printable character: `key` is a single code point, not a named key such as "Tab" or "F5". */
export function isPrintableKey(key: string): boolean {
  const codePoints = [...key];
  return codePoints.length === 1 && key >= ' ' && key !== '\u007f';
}

export function createWedgeDetector(): WedgeDetector {
  let burst = '';
  let lastKeyAt = Number.NEGATIVE_INFINITY;
  let startedClean = false;

  const interrupt = (at: number) => {
    burst = '';
    lastKeyAt = at;
    startedClean = false;
  };

  return {
    feed(key, at) {
      if (IGNORED_KEYS.has(key)) return null;
      const sinceLastKey = at - lastKeyAt;
      const inTime = sinceLastKey <= WEDGE_MAX_KEY_GAP_MS;
      if (key === 'Enter') {
        const code = inTime && startedClean && [...burst].length >= WEDGE_MIN_CODE_LENGTH ? burst : null;
        // A scanner ends every code with Enter: a scan may follow straight away.
        interrupt(Number.NEGATIVE_INFINITY);
        return code;
      }
      if (!isPrintableKey(key)) {
        interrupt(at);
        return null;
      }
      if (inTime) {
        burst += key;
      } else {
        // A slow key ends whatever came before and may be the first key of a new scan.
        burst = key;
        startedClean = sinceLastKey >= WEDGE_QUIET_BEFORE_MS;
      }
      lastKeyAt = at;
      return null;
    },
    get burstLength() {
      return [...burst].length;
    },
    interrupt,
  };
}
