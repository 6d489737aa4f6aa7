/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// A new version takes over at once: the app keeps no state in memory that an
// update could lose (sales and the cart are in IndexedDB).
self.addEventListener('install', () => {
  void self.skipWaiting();
});
clientsClaim();

// The app shell (HTML, JS, CSS, icons) from the build's manifest, so the till opens offline.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation gets the precached index.html (the app routes itself), except
// the API: API calls are never answered from a cache, since a stale answer could
// hide that a sale was not synced.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));
