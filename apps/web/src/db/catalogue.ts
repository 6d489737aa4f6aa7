import { useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { db, type LocalProduct } from './database';
import { listProducts } from './products';
import { liveReadsHeld, whenLiveReadsReleased } from './liveHold';

/*
 * The catalogue, read once and kept for the life of the page. The sale screen
 * unmounts for every payment; re-reading and re-sorting 20,000 products from
 * IndexedDB each time it comes back took seconds on a slow phone. A cheap live
 * query (the count, which reads the whole table's range, so any change wakes it)
 * follows every change (a pull, an edit, another tab); the full read starts
 * REREAD_MS, or twice the last read's time if longer, after the last read
 * ended, so reading never takes more than a third of the page's time: a first
 * pull of 40 pages reads the catalogue a few times, not 40, and its pages are
 * not held up. A change after a quiet spell is read at once: the grid counts a
 * pull's last page without waiting out a gap it already had. While a long pull holds the live reads
 * (`liveHold.ts`), changes only mark the list stale; it is read once when the hold ends.
 */
const REREAD_MS = 300;
let lastReadMs = 0;
let lastReadEnded = 0;
let products: LocalProduct[] | undefined;
let subscription: Subscription | null = null;
/** A read is scheduled or running; `stale`: a change came meanwhile, so read again after it. */
let reading = false;
let stale = false;
const listeners = new Set<() => void>();

/** The count's last run found the reads held: it observes nothing until followed again. */
let parked = false;

/** Whether to wait for the hold to end: the first read goes at once, held or not (the screen is waiting). */
const held = () => liveReadsHeld() && products !== undefined;

function follow(): void {
  if (subscription) return;
  subscription = liveQuery(async () => (held() ? null : db.products.count())).subscribe({
    next: (count) => {
      parked = count === null;
      if (parked || reading) stale = true;
      else scheduleRead();
    },
    error: (error: unknown) => {
      console.error('Catalogue query failed', error);
      // Start again on the next subscriber (e.g. after the database was wiped and reopened).
      subscription = null;
    },
  });
}

function scheduleRead(): void {
  reading = true;
  stale = false;
  // The first read at once (the screen is waiting); later ones gathered.
  const delay =
    products === undefined ? 0 : Math.max(0, lastReadEnded + Math.max(REREAD_MS, 2 * lastReadMs) - performance.now());
  setTimeout(() => {
    if (held()) {
      reading = false;
      stale = true;
      return;
    }
    const started = performance.now();
    listProducts()
      .then((next) => {
        lastReadEnded = performance.now();
        lastReadMs = lastReadEnded - started;
        products = next;
        for (const listener of listeners) listener();
      })
      .catch((error: unknown) => console.error('Catalogue read failed', error))
      .finally(() => {
        reading = false;
        if (stale) scheduleRead();
      });
  }, delay);
}

whenLiveReadsReleased(() => {
  if (parked && subscription) {
    subscription.unsubscribe();
    subscription = null;
    follow();
  } else if (stale && !reading) scheduleRead();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  follow();
  return () => listeners.delete(listener);
}

/** The catalogue as an external store: `useCatalogue`'s source. */
export const catalogueFeed = { subscribe, current: (): LocalProduct[] | undefined => products };

/** The shop's products, sorted by name; undefined until first read. */
export function useCatalogue(): LocalProduct[] | undefined {
  return useSyncExternalStore(catalogueFeed.subscribe, catalogueFeed.current);
}
