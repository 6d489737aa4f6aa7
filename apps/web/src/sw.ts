/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OUTBOX_SYNC_TAG, SYNC_REQUEST_MESSAGE } from './sync/swMessages';

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

/** Background Sync's event (Chromium only; not in TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync (ARCHITECTURE "Sync" 8): the page registers OUTBOX_SYNC_TAG when a
// push fails for lack of network; the browser fires this once the link is back. The
// queue and the session token live in the page's modules, so the worker cannot push
// by itself yet: it tells every open window to sync. With no window open nothing is
// sent until the till is opened again (its start-up sync, the timer and `online`).
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) client.postMessage(SYNC_REQUEST_MESSAGE);
    }),
  );
});
