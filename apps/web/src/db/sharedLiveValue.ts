import { liveQuery } from 'dexie';
import { liveReadsHeld, whenLiveReadsReleased } from './liveHold';

const HELD = Symbol('held');

/**
 * One live query shared by every component that subscribes: the till's grid and the stock
 * alerts both watch the stock shown, which reads every figure of the branch (20,000 rows in a
 * pharmacy) on each change; two subscriptions would read them twice after every sale. While a
 * long pull holds the live reads (`liveHold.ts`) it keeps its value and reads nothing, so no
 * change wakes it; the end of the hold subscribes it afresh, which reads once.
 */
export function sharedLiveValue<T>(query: () => Promise<T>) {
  let value: T | undefined;
  let subscription: { unsubscribe(): void } | undefined;
  /** The last run found the reads held: it observes nothing until subscribed again. */
  let parked = false;
  const listeners = new Set<() => void>();
  const follow = () =>
    // The first read goes at once, held or not: a screen opened meanwhile is waiting for it.
    liveQuery(async () => (liveReadsHeld() && value !== undefined ? HELD : query())).subscribe({
      next: (next) => {
        parked = next === HELD;
        if (next === HELD) return;
        value = next;
        for (const notify of listeners) notify();
      },
      error: (error: unknown) => console.error('Live query failed', error),
    });
  whenLiveReadsReleased(() => {
    if (!subscription || !parked) return;
    subscription.unsubscribe();
    subscription = follow();
  });
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      subscription ??= follow();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        subscription?.unsubscribe();
        subscription = undefined;
        // The next subscriber starts from a fresh read, never a stale figure.
        value = undefined;
      };
    },
    current: (): T | undefined => value,
  };
}
