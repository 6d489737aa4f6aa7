import { rosterSchema } from '@opentill/domain';
import { getRosterFetchedAt, replaceRoster } from '../db/syncStore';
import { authorizedFetch } from '../tokens/authorizedFetch';

/*
 * The branch's staff roster (who may switch in by PIN, with their PIN verifiers),
 * fetched by the sync cycle so the page and the service worker keep it alike.
 * Like the cycle it uses IndexedDB, fetch and nothing of the window.
 */

const ROSTER_URL = '/api/v1/staff/roster';
/** A fetched roster is used this long before the next cycle fetches it again. */
export const ROSTER_MAX_AGE_MS = 5 * 60_000;

export type RosterRefresh = 'fresh' | 'updated' | 'failed';

/**
 * Fetches the roster when it is older than ROSTER_MAX_AGE_MS (or never fetched, as
 * after sign-in), or always with `force`, and replaces the stored one whole. A failure
 * keeps the roster this device has: switching by PIN must keep working offline, and
 * the next cycle tries again (no fetch time is stored, so it is still due).
 */
export async function refreshRosterIfDue(
  deviceId: string,
  { force = false, now = new Date() }: { force?: boolean; now?: Date } = {},
): Promise<RosterRefresh> {
  const fetchedAt = await getRosterFetchedAt();
  const fresh = fetchedAt !== null && now.getTime() - Date.parse(fetchedAt) < ROSTER_MAX_AGE_MS;
  if (fresh && !force) return 'fresh';

  let response: Response;
  try {
    const sent = await authorizedFetch((token) =>
      fetch(ROSTER_URL, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' }),
    );
    if (!sent.ok) return 'failed';
    response = sent.response;
  } catch {
    return 'failed';
  }
  if (!response.ok) {
    console.warn(`Staff roster not fetched: HTTP ${response.status}`);
    return 'failed';
  }
  const parsed = rosterSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    console.warn('Staff roster not fetched: the answer does not parse', parsed.error.issues);
    return 'failed';
  }
  return (await replaceRoster(deviceId, parsed.data.staff, now)) ? 'updated' : 'failed';
}
