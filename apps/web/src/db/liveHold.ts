/*
 * The hold a long pull puts on the screens' big live reads (every product, figure and batch of the
 * branch). Each commit of a pull wakes them, and on a fresh phone's first pull of a pharmacy (20,000
 * products, figures and batches, a dozen commits) those reads took as long as the commits and made them
 * wait: IndexedDB runs a read before a later write to the same table. While held, they keep what they
 * last showed and read nothing; when the last hold ends, each reads once. No React here: the sync
 * cycle takes the hold.
 */

let holds = 0;
const onRelease = new Set<() => void>();

/** Holds the big live reads until the returned function is called (once; later calls do nothing). */
export function holdLiveReads(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds === 0) for (const listener of [...onRelease]) listener();
  };
}

export function liveReadsHeld(): boolean {
  return holds > 0;
}

/** Calls `listener` each time the last hold ends; returns the unsubscribe. */
export function whenLiveReadsReleased(listener: () => void): () => void {
  onRelease.add(listener);
  return () => onRelease.delete(listener);
}
