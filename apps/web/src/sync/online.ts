/** What the browser says about the network; `navigator.onLine` exists in windows and workers alike. */
export function isBrowserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
