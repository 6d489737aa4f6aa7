import { describe, expect, it, vi } from 'vitest';
import { listenForSyncMessages, registerBackgroundSync, type ServiceWorkerContainerLike } from './backgroundSync';
import { OUTBOX_SYNC_TAG, SYNC_REQUEST_MESSAGE, isSyncRequestMessage } from './swMessages';

/** A stand-in for navigator.serviceWorker: an event target with a `ready` registration. */
function fakeContainer(ready: Promise<unknown> = new Promise(() => {})) {
  const target = new EventTarget();
  const container: ServiceWorkerContainerLike & { post(data: unknown): void } = {
    ready,
    addEventListener: (type, listener) => target.addEventListener(type, listener as EventListener),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener as EventListener),
    post: (data) => target.dispatchEvent(new MessageEvent('message', { data })),
  };
  return container;
}

describe('isSyncRequestMessage (ARCHITECTURE "Sync" 8)', () => {
  it("recognises the service worker's sync message", () => {
    expect(isSyncRequestMessage(SYNC_REQUEST_MESSAGE)).toBe(true);
    expect(isSyncRequestMessage({ type: 'opentill:sync', extra: 1 })).toBe(true);
  });

  it('ignores anything else', () => {
    for (const data of [
      null,
      undefined,
      'opentill:sync',
      42,
      {},
      { type: 'SKIP_WAITING' },
      { kind: 'opentill:sync' },
    ]) {
      expect(isSyncRequestMessage(data)).toBe(false);
    }
  });
});

describe('listenForSyncMessages', () => {
  it('syncs on the sync message only, and stops when asked', () => {
    const container = fakeContainer();
    const onSync = vi.fn();
    const stop = listenForSyncMessages(onSync, container);

    container.post({ type: 'WORKBOX_UPDATE' });
    expect(onSync).not.toHaveBeenCalled();
    container.post(SYNC_REQUEST_MESSAGE);
    expect(onSync).toHaveBeenCalledTimes(1);

    stop();
    container.post(SYNC_REQUEST_MESSAGE);
    expect(onSync).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a service worker', () => {
    expect(() => listenForSyncMessages(vi.fn(), undefined)()).not.toThrow();
  });
});

describe('registerBackgroundSync', () => {
  it('registers the outbox tag on the ready registration where supported', async () => {
    const register = vi.fn(async () => {});
    registerBackgroundSync(fakeContainer(Promise.resolve({ sync: { register } })), true);
    await vi.waitFor(() => expect(register).toHaveBeenCalledWith(OUTBOX_SYNC_TAG));
  });

  it('does nothing where the browser has no Background Sync', async () => {
    const register = vi.fn(async () => {});
    registerBackgroundSync(fakeContainer(Promise.resolve({ sync: { register } })), false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(register).not.toHaveBeenCalled();
  });

  it('ignores a refused registration', async () => {
    const register = vi.fn(async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    });
    registerBackgroundSync(fakeContainer(Promise.resolve({ sync: { register } })), true);
    await vi.waitFor(() => expect(register).toHaveBeenCalledTimes(1));
    // The failure is swallowed, and a later attempt may register again.
    await new Promise((resolve) => setTimeout(resolve, 0));
    registerBackgroundSync(fakeContainer(Promise.resolve({ sync: { register } })), true);
    await vi.waitFor(() => expect(register).toHaveBeenCalledTimes(2));
  });
});
