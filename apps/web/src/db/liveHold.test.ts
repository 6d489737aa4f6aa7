import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testProduct } from '../testing/fixtures';
import { catalogueFeed } from './catalogue';
import { db } from './database';
import { holdLiveReads, liveReadsHeld, whenLiveReadsReleased } from './liveHold';
import { applyPulledPage } from './pull';
import { sharedLiveValue } from './sharedLiveValue';
import { resetLocalDatabase } from './testing';

/** Long enough for a live query woken by a commit to have read again (the catalogue waits 300 ms between reads). */
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pageOf = (names: string[]) => ({
  products: names.map((name) => testProduct({ id: crypto.randomUUID(), name, barcode: null })),
  stock: [],
  stockExceptions: [],
});

beforeEach(resetLocalDatabase);
let releaseLeft: (() => void) | null = null;
afterEach(() => releaseLeft?.());

describe('holdLiveReads', () => {
  it('tells its listeners once, when the last of overlapping holds ends', () => {
    const released = vi.fn();
    const stop = whenLiveReadsReleased(released);
    const first = holdLiveReads();
    const second = holdLiveReads();
    first();
    first();
    expect(liveReadsHeld()).toBe(true);
    expect(released).not.toHaveBeenCalled();
    second();
    expect(liveReadsHeld()).toBe(false);
    expect(released).toHaveBeenCalledOnce();
    stop();
  });
});

describe('a shared live value under a hold', () => {
  it('keeps its value and reads nothing while held, then reads once', async () => {
    let reads = 0;
    const feed = sharedLiveValue(async () => {
      reads += 1;
      return db.meta.count();
    });
    const stop = feed.subscribe(() => undefined);
    await vi.waitFor(() => expect(feed.current()).toBe(0));

    releaseLeft = holdLiveReads();
    await db.meta.put({ key: 'a', value: 1 });
    await db.meta.put({ key: 'b', value: 2 });
    await settle(100);
    expect(feed.current()).toBe(0);
    expect(reads).toBe(1);

    releaseLeft();
    await vi.waitFor(() => expect(feed.current()).toBe(2));
    expect(reads).toBe(2);
    // Followed again after the hold: the next change is read as usual.
    await db.meta.put({ key: 'c', value: 3 });
    await vi.waitFor(() => expect(feed.current()).toBe(3));
    stop();
  });

  it('reads at once for its first subscriber during a hold, then waits for the hold to end', async () => {
    const feed = sharedLiveValue(() => db.meta.count());
    releaseLeft = holdLiveReads();
    const stop = feed.subscribe(() => undefined);
    await vi.waitFor(() => expect(feed.current()).toBe(0));
    await db.meta.put({ key: 'a', value: 1 });
    await settle(100);
    expect(feed.current()).toBe(0);
    releaseLeft();
    await vi.waitFor(() => expect(feed.current()).toBe(1));
    stop();
  });
});

describe('the catalogue under a hold', () => {
  it('shows what it had while held and the whole pull once the hold ends', async () => {
    const stop = catalogueFeed.subscribe(() => undefined);
    await vi.waitFor(() => expect(catalogueFeed.current()).toEqual([]));

    releaseLeft = holdLiveReads();
    await applyPulledPage(pageOf(['Panado 24s', 'Grandpa 38s']), '1');
    await applyPulledPage(pageOf(['Disprin 10s']), '2');
    await settle(800);
    expect(catalogueFeed.current()).toEqual([]);

    releaseLeft();
    await vi.waitFor(() =>
      expect(catalogueFeed.current()?.map((product) => product.name)).toEqual([
        'Disprin 10s',
        'Grandpa 38s',
        'Panado 24s',
      ]),
    );
    stop();
  });
});
