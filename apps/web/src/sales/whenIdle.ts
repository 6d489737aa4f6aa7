/**
 * Runs `task` when the page is next idle, at most `maxWaitMs` later: for work that must happen soon
 * but not before the cashier sees what changed (keeping the cart on disk, sending a sale). On a slow
 * phone a database write costs milliseconds and a scan's line waits for its frame (issue 5); an idle
 * callback runs after the frame is painted and after the tasks already waiting. Browsers without
 * requestIdleCallback (Safari), and tests, get a short timer instead.
 */
export function whenIdle(task: () => void, maxWaitMs = 250): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: maxWaitMs });
  else setTimeout(task, 0);
}
