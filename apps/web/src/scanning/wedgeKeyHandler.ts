/**
 * Turns keydown events into scans for `useWedgeScanner`, without React, so it is tested with
 * plain objects. Outside an editable field it swallows the burst it recognises; inside one it
 * stays out of the way and the field gets the characters as typed.
 */
import { isEditableTarget } from './editableTarget';
import { createWedgeDetector, isPrintableKey } from './wedgeDetector';

/** The parts of a KeyboardEvent the handler reads. */
export type WedgeKeyEvent = Pick<
  KeyboardEvent,
  | 'key'
  | 'timeStamp'
  | 'target'
  | 'repeat'
  | 'isComposing'
  | 'ctrlKey'
  | 'altKey'
  | 'metaKey'
  | 'preventDefault'
  | 'stopPropagation'
>;

export function createWedgeKeyHandler(onScan: (code: string) => void): (event: WedgeKeyEvent) => void {
  const detector = createWedgeDetector();

  const consume = (event: WedgeKeyEvent) => {
    // Nothing else hears it: not a focused button (Enter would press it), nor the screen's own key handlers.
    event.preventDefault();
    event.stopPropagation();
  };

  return (event) => {
    const isShortcut = (event.ctrlKey || event.altKey || event.metaKey) && isPrintableKey(event.key);
    // A held key repeats about every 30 ms: fast enough to pass for a scanner, so it never counts.
    if (isEditableTarget(event.target) || event.repeat || event.isComposing || isShortcut) {
      detector.interrupt(event.timeStamp);
      return;
    }
    const code = detector.feed(event.key, event.timeStamp);
    if (code !== null) {
      consume(event);
      onScan(code);
    } else if (isPrintableKey(event.key) && detector.burstLength >= 2) {
      // Only from the second key on is it a burst; the first, on the page itself, types nowhere anyway.
      consume(event);
    }
  };
}

/** Listens on `target` (the window) in the capture phase, before any element's own handler; gives the detach. */
export function attachWedgeScanner(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  onScan: (code: string) => void,
): () => void {
  const handle = createWedgeKeyHandler(onScan);
  const listener = (event: Event) => handle(event as KeyboardEvent);
  target.addEventListener('keydown', listener, { capture: true });
  return () => target.removeEventListener('keydown', listener, { capture: true });
}
