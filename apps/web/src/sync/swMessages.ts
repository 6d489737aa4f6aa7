/**
 * What the page and the service worker say to each other about Background Sync
 * (ARCHITECTURE "Sync" 8). Plain constants and a pure check, no DOM or WebWorker
 * types, so both src/sw.ts and the page import them.
 */

/** The one-off Background Sync tag the page registers when a push fails or is skipped for lack of network. */
export const OUTBOX_SYNC_TAG = 'opentill-outbox';

/** The message the service worker posts to every open window when that sync event fires. */
export const SYNC_REQUEST_MESSAGE = { type: 'opentill:sync' } as const;

/** True for the service worker's "sync now" message; anything else (other apps, Workbox) is ignored. */
export function isSyncRequestMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === SYNC_REQUEST_MESSAGE.type;
}
