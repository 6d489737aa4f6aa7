/**
 * Asks the browser to keep our IndexedDB even under storage pressure: unsynced
 * sales live there. Browsers may say no (Chrome decides by engagement and grants
 * installed apps); we ask at first run and again at start-up until granted.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
