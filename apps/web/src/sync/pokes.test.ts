import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endStoredSession, saveSession } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { TEST_REFRESH_TOKEN, testSession } from '../testing/fixtures';
import { startPokes } from './pokes';

/** A poke stream the test writes to, as the server would. */
function stream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

let stop: (() => void) | undefined;

beforeEach(async () => {
  await resetLocalDatabase();
});

afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
});

describe('startPokes', () => {
  it('syncs once for a burst of pokes, and reconnects when the stream ends', async () => {
    await saveSession(testSession());
    const first = stream();
    const streams = [first, stream()];
    const fetchMock = vi.fn(async () => streams.shift()?.response ?? new Response(null, { status: 503 }));
    vi.stubGlobal('fetch', fetchMock);
    const onPoke = vi.fn();
    stop = startPokes({ onPoke, events: new EventTarget(), random: () => 0 });

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/sync/events');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer test-token');

    first.send(': keep-alive\n\nevent: poke\ndata: {}\n\nevent: po');
    first.send('ke\ndata: {}\n\n');
    await vi.waitFor(() => expect(onPoke).toHaveBeenCalledTimes(1), { timeout: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onPoke).toHaveBeenCalledTimes(1);

    first.end(); // dropped: reconnect after a backoff, then sync in case pokes were missed
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 2000 });
    await vi.waitFor(() => expect(onPoke).toHaveBeenCalledTimes(2), { timeout: 1000 });
  });

  it('does not connect without a session, and closes the stream when the browser goes offline', async () => {
    const fetchMock = vi.fn(async () => stream().response);
    vi.stubGlobal('fetch', fetchMock);
    const events = new EventTarget();
    stop = startPokes({ onPoke: vi.fn(), events, random: () => 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).not.toHaveBeenCalled();

    await saveSession(testSession());
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    events.dispatchEvent(new Event('offline'));
    expect(init.signal?.aborted).toBe(true);
  });

  it('stays closed while the session is over, and connects once this device signs in again', async () => {
    await saveSession(testSession());
    await endStoredSession(testSession().refreshToken);
    const fetchMock = vi.fn(async () => stream().response);
    vi.stubGlobal('fetch', fetchMock);
    stop = startPokes({ onPoke: vi.fn(), events: new EventTarget(), random: () => 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).not.toHaveBeenCalled();

    const refreshToken = `${TEST_REFRESH_TOKEN.slice(0, 37)}${'S'.repeat(43)}`;
    await saveSession({ ...testSession(), token: 'after-sign-in', refreshToken });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer after-sign-in');
  });
});
