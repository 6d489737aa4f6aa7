import { describe, expect, it } from 'vitest';
import { attachWedgeScanner, createWedgeKeyHandler, type WedgeKeyEvent } from './wedgeKeyHandler';

const PAGE = { tagName: 'BODY', isContentEditable: false } as unknown as EventTarget;
const SEARCH_FIELD = { tagName: 'INPUT', type: 'search' } as unknown as EventTarget;
const PAY_BUTTON = { tagName: 'BUTTON', type: 'button' } as unknown as EventTarget;

interface FakeKey extends WedgeKeyEvent {
  prevented: boolean;
  stopped: boolean;
}

function keyEvent(key: string, timeStamp: number, target: EventTarget, extra: Partial<WedgeKeyEvent> = {}): FakeKey {
  const event: FakeKey = {
    key,
    timeStamp,
    target,
    repeat: false,
    isComposing: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    prevented: false,
    stopped: false,
    preventDefault: () => {
      event.prevented = true;
    },
    stopPropagation: () => {
      event.stopped = true;
    },
    ...extra,
  };
  return event;
}

/** Sends `keys` to the handler `gap` ms apart, all aimed at `target`; returns the events. */
function send(handle: (event: WedgeKeyEvent) => void, keys: readonly string[], target: EventTarget, gap = 8) {
  return keys.map((key, index) => {
    const event = keyEvent(key, 1_000 + index * gap, target);
    handle(event);
    return event;
  });
}

const SCAN = [...'6001234567890', 'Enter'];

describe('createWedgeKeyHandler', () => {
  it('calls onScan for a scan on the page and swallows the burst, Enter included', () => {
    const scans: string[] = [];
    const events = send(
      createWedgeKeyHandler((code) => scans.push(code)),
      SCAN,
      PAGE,
    );
    expect(scans).toEqual(['6001234567890']);
    // The first key cannot be told from a lone key press yet; every later one can.
    expect(events.map((event) => event.prevented)).toEqual([false, ...Array<boolean>(SCAN.length - 1).fill(true)]);
    expect(events.at(-1)?.stopped).toBe(true);
  });

  it('keeps a scan’s Enter from pressing the focused button', () => {
    const scans: string[] = [];
    const events = send(
      createWedgeKeyHandler((code) => scans.push(code)),
      SCAN,
      PAY_BUTTON,
    );
    expect(scans).toEqual(['6001234567890']);
    expect(events.at(-1)?.prevented).toBe(true);
  });

  it('leaves a scan into an editable field alone: the field gets every key and its Enter', () => {
    const scans: string[] = [];
    const events = send(
      createWedgeKeyHandler((code) => scans.push(code)),
      SCAN,
      SEARCH_FIELD,
    );
    expect(scans).toEqual([]);
    expect(events.some((event) => event.prevented || event.stopped)).toBe(false);
  });

  it('leaves a person’s typing alone: nothing swallowed, no scan', () => {
    const scans: string[] = [];
    const events = send(
      createWedgeKeyHandler((code) => scans.push(code)),
      SCAN,
      PAGE,
      120,
    );
    expect(scans).toEqual([]);
    expect(events.some((event) => event.prevented)).toBe(false);
  });

  it('lets a short fast burst’s Enter through', () => {
    const events = send(
      createWedgeKeyHandler(() => undefined),
      ['1', '2', 'Enter'],
      PAY_BUTTON,
    );
    expect(events.at(-1)?.prevented).toBe(false);
  });

  it('never counts a held, repeating key, nor shortcuts such as Ctrl+V', () => {
    const scans: string[] = [];
    const handle = createWedgeKeyHandler((code) => scans.push(code));
    for (let index = 0; index < 8; index += 1) handle(keyEvent('1', 1_000 + index * 30, PAGE, { repeat: index > 0 }));
    handle(keyEvent('Enter', 1_240, PAGE));
    ['1', '2', '3', '4', '5'].forEach((key, index) => handle(keyEvent(key, 2_000 + index * 8, PAGE)));
    handle(keyEvent('v', 2_040, PAGE, { ctrlKey: true }));
    handle(keyEvent('Enter', 2_048, PAGE));
    expect(scans).toEqual([]);
  });

  it('drops a burst that moved into a field half-way, rather than read its tail', () => {
    const scans: string[] = [];
    const handle = createWedgeKeyHandler((code) => scans.push(code));
    [...'600123'].forEach((key, index) => handle(keyEvent(key, 1_000 + index * 8, PAGE)));
    handle(keyEvent('4', 1_048, SEARCH_FIELD));
    [...'567890', 'Enter'].forEach((key, index) => handle(keyEvent(key, 1_056 + index * 8, PAGE)));
    expect(scans).toEqual([]);
  });
});

describe('attachWedgeScanner', () => {
  /** A keydown Node can dispatch: its key, time and target set by hand. */
  function dispatchKey(target: EventTarget, key: string, timeStamp: number) {
    const event = new Event('keydown', { cancelable: true });
    Object.defineProperties(event, {
      key: { value: key },
      timeStamp: { value: timeStamp },
      target: { value: PAGE },
      repeat: { value: false },
      isComposing: { value: false },
      ctrlKey: { value: false },
      altKey: { value: false },
      metaKey: { value: false },
    });
    target.dispatchEvent(event);
    return event;
  }

  it('listens in the capture phase until detached', () => {
    const window = new EventTarget();
    const scans: string[] = [];
    const registered: unknown[] = [];
    const spy = {
      addEventListener: (...args: Parameters<EventTarget['addEventListener']>) => {
        registered.push(args[2]);
        window.addEventListener(...args);
      },
      removeEventListener: (...args: Parameters<EventTarget['removeEventListener']>) =>
        window.removeEventListener(...args),
    };
    const detach = attachWedgeScanner(spy, (code) => scans.push(code));
    expect(registered).toEqual([{ capture: true }]);

    const events = SCAN.map((key, index) => dispatchKey(window, key, 1_000 + index * 8));
    expect(scans).toEqual(['6001234567890']);
    expect(events.at(-1)?.defaultPrevented).toBe(true);

    detach();
    SCAN.forEach((key, index) => dispatchKey(window, key, 5_000 + index * 8));
    expect(scans).toEqual(['6001234567890']);
  });
});
