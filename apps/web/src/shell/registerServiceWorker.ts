/**
 * Registers the service worker that serves the app shell offline. Production
 * only: in development Vite serves modules that must not be precached. A new
 * version activates at once (skipWaiting) but we do not reload the page under
 * the cashier's hands: the next start runs the new version.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.error('Service worker registration failed', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
