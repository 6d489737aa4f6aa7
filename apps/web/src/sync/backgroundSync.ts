import { OUTBOX_SYNC_TAG, isSyncRequestMessage } from './swMessages';

/** Background Sync is not in TypeScript's DOM lib (Chromium only): the part we use. */
interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** The part of `navigator.serviceWorker` this module uses (a fake in tests). */
export interface ServiceWorkerContainerLike {
  readonly ready: Promise<unknown>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export function backgroundSyncSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof ServiceWorkerRegistration !== 'undefined' &&
    'sync' in ServiceWorkerRegistration.prototype
  );
}

function serviceWorkerContainer(): ServiceWorkerContainerLike | undefined {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
}

let registering = false;

/**
 * After a push failed or was skipped for lack of network: asks the browser (where it has
 * Background Sync) to fire the `opentill-outbox` sync event once the link is back, even if
 * this tab is in the background or closed by then (src/sw.ts then pushes from the worker).
 * The `online` event and the timer stay the fallback, so any failure here is ignored.
 * At most one registration in flight: `ready` never settles where no service worker is
 * registered (development).
 */
export function registerBackgroundSync(
  container: ServiceWorkerContainerLike | undefined = serviceWorkerContainer(),
  supported: boolean = backgroundSyncSupported(),
): void {
  if (!supported || !container || registering) return;
  registering = true;
  container.ready
    .then((registration) => (registration as { sync?: SyncManagerLike }).sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => {
      // Not allowed (permission, private mode) or no worker: the timer and `online` still run.
    })
    .finally(() => {
      registering = false;
    });
}

/**
 * Calls `onSync` whenever the service worker says its sync event fired (see src/sw.ts).
 * Returns a function that stops listening.
 */
export function listenForSyncMessages(
  onSync: () => void,
  container: ServiceWorkerContainerLike | undefined = serviceWorkerContainer(),
): () => void {
  if (!container) return () => {};
  const onMessage = (event: MessageEvent) => {
    if (isSyncRequestMessage(event.data)) onSync();
  };
  container.addEventListener('message', onMessage);
  return () => container.removeEventListener('message', onMessage);
}
