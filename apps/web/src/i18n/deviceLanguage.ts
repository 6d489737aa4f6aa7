/**
 * The device's language setting, kept in localStorage rather than IndexedDB's `meta`:
 * it is read synchronously at start-up (so the language's strings are fetched while
 * IndexedDB opens, not after), and it belongs to the phone and the people using it, not to
 * the shop's data, so sign-out and a removed device's wipe (which clear every Dexie table)
 * keep it. Storage that is refused (private mode, disabled) means the start-up default each time.
 */
const KEY = 'opentill.language';

export function readDeviceLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveDeviceLanguage(language: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, language);
  } catch {
    // Not kept: the choice still holds until the app is closed.
  }
}
