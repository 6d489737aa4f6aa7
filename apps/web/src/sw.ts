/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SHOW_STOCK_ALERTS_MESSAGE, isStockAlertNotificationData } from './notifications/notificationMessages';
import { OUTBOX_SYNC_TAG } from './sync/swMessages';
import { runSyncCycle } from './sync/syncCycle';
import { answerOutboxSync } from './sync/workerSync';

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
// push fails or is skipped for lack of network; the browser fires this once the link
// is back, even with the till closed. An open window is told to sync (it owns the
// badge and the backoff); with none open the worker runs the same cycle itself on
// IndexedDB, under the lock the page takes too. A rejected waitUntil makes the browser
// fire the event again later (a few tries, further apart each time).
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    answerOutboxSync({
      openWindows: () => self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
      syncHere: () => runSyncCycle(),
    }),
  );
});

// A stock alert's notification tapped (SPEC AL5): bring the till to the front with its notification
// centre open, or open the till when no window is left.
self.addEventListener('notificationclick', (event) => {
  if (!isStockAlertNotificationData(event.notification.data)) return;
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows[0];
      if (open) {
        await open.focus();
        open.postMessage(SHOW_STOCK_ALERTS_MESSAGE);
      } else {
        await self.clients.openWindow(self.registration.scope);
      }
    })(),
  );
});
