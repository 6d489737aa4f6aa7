import { useSyncExternalStore } from 'react';

/**
 * "Notify me on this phone" (SPEC AL5): a setting of the phone, kept in localStorage like the
 * language (`i18n/deviceLanguage.ts`), so sign-out keeps it. Whether the browser allows
 * notifications is the browser's own permission, read each time (the person may revoke it in the
 * browser's settings); notifications go out only when both say yes. First-screen code: keep it tiny.
 */
const KEY = 'opentill.stockNotifications';
const listeners = new Set<() => void>();

export function readNotifyPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveNotifyPreference(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(KEY, 'on');
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Not kept: storage is refused (private browsing); nothing is notified.
  }
  for (const listener of listeners) listener();
}

export type NotifyPermission = NotificationPermission | 'unsupported';

/** The browser's answer so far: `default` until asked; `unsupported` without the Notification API. */
export function notificationPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's change.
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** Whether this phone was asked to notify (the setting), following changes in any tab. */
export function useNotifyPreference(): boolean {
  return useSyncExternalStore(subscribe, readNotifyPreference, () => false);
}
