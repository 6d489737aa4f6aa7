import { useEffect, useRef } from 'react';

export interface WedgeScannerOptions {
  /** Off while a dialog owns the keyboard (a PIN pad, a form); on by default. */
  enabled?: boolean;
}

/**
 * Hears a keyboard-wedge barcode scanner anywhere on the screen, with no field focused, and
 * calls `onScan(code)`. With focus in an input, textarea or contenteditable it does nothing:
 * the field gets the characters and its own Enter.
 */
export function useWedgeScanner(onScan: (code: string) => void, options: WedgeScannerOptions = {}): void {
  const { enabled = true } = options;
  // The latest callback without re-attaching on every render (and losing a burst half-read).
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return undefined;
    // Loaded just after the first screen (its 180 KB budget): listening starts a moment later.
    let detach: (() => void) | undefined;
    let cancelled = false;
    void import('./wedgeKeyHandler').then(({ attachWedgeScanner }) => {
      if (!cancelled) detach = attachWedgeScanner(window, (code) => onScanRef.current(code));
    });
    return () => {
      cancelled = true;
      detach?.();
    };
  }, [enabled]);
}
