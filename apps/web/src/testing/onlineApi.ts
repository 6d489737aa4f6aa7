import { afterEach, beforeEach, vi } from 'vitest';
import { saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { testSession } from './fixtures';

/**
 * The set-up of a test of an online API client: a fresh local database with the test
 * session, the browser online, and `fetch` answered by the returned mock.
 */
export function onlineApiTest(): ReturnType<typeof vi.fn<typeof fetch>> {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(async () => {
    await resetLocalDatabase();
    await saveSession(testSession());
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('navigator', { onLine: true });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return fetchMock;
}

/** The API's error body with this status. */
export function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  return Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });
}
