import { watchSession } from '../db';
import { authorizedFetch } from '../tokens/authorizedFetch';
import { backoffDelay } from './backoff';
import { SseParser } from './sse';
import { isBrowserOnline } from './online';

const EVENTS_URL = '/api/v1/sync/events';

/** A poke waits 100–500 ms before syncing, so a shop's phones do not all pull at once. */
export const POKE_DELAY_MIN_MS = 100;
export const POKE_DELAY_MAX_MS = 500;

export interface PokeOptions {
  /** What a poke triggers (requestSync in the app). */
  onPoke: () => void;
  /** Where `online` / `offline` are announced (window in the app). */
  events?: EventTarget;
  random?: () => number;
}

/**
 * Listens for the server's pokes (GET /api/v1/sync/events, server-sent events)
 * while signed in and online: fetch with the Bearer token (EventSource cannot send
 * one; a valid one from src/tokens at each connect), the body read as a stream.
 * Each poke schedules one sync after a random 100–500 ms; pokes arriving meanwhile
 * join that sync. When the stream ends or fails it reconnects with capped
 * exponential backoff and jitter, and asks for a sync (pokes may have been missed
 * meanwhile). Offline it closes the stream and waits for `online`; once the session
 * is over it waits for someone to sign in again. Pokes are hints: the 30 s periodic
 * pull stays the safety net. Returns a function that stops it all.
 */
export function startPokes({ onPoke, events = window, random = Math.random }: PokeOptions): () => void {
  let stopped = false;
  /** The signed-in device; a new one (or none) drops the stream. */
  let deviceId: string | null = null;
  let connection: AbortController | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pokeTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let connectedBefore = false;

  function poke(): void {
    if (pokeTimer !== undefined || stopped) return; // coalesce: one sync for a burst of pokes
    const delay = POKE_DELAY_MIN_MS + random() * (POKE_DELAY_MAX_MS - POKE_DELAY_MIN_MS);
    pokeTimer = setTimeout(() => {
      pokeTimer = undefined;
      onPoke();
    }, delay);
  }

  async function connect(): Promise<void> {
    if (stopped || deviceId === null || connection || !isBrowserOnline()) return;
    const current = new AbortController();
    connection = current;
    let reconnect = true;
    try {
      const sent = await authorizedFetch((token) =>
        fetch(EVENTS_URL, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: current.signal,
        }),
      );
      if (!sent.ok) {
        // The session is over (or gone): wait for the next sign-in (watchSession) rather than retry.
        reconnect = sent.failure !== 'ended' && sent.failure !== 'no-session';
        throw new Error(`No token for the poke stream (${sent.failure})`);
      }
      const response = sent.response;
      if (!response.ok || !response.body) throw new Error(`Poke stream answered ${response.status}`);
      if (connectedBefore) poke();
      connectedBefore = true;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        failures = 0; // the stream works: the next drop starts the backoff afresh
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (event.event === 'poke') poke();
        }
      }
    } catch {
      // Unreachable, refused, dropped or aborted: reconnect below unless stopped.
    } finally {
      if (connection === current) connection = null;
    }
    if (reconnect && !current.signal.aborted) scheduleReconnect();
  }

  function scheduleReconnect(): void {
    clearTimeout(reconnectTimer);
    if (stopped || deviceId === null || !isBrowserOnline()) return;
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = undefined;
        void connect();
      },
      backoffDelay(failures, random),
    );
    failures += 1;
  }

  function disconnect(): void {
    connection?.abort();
    connection = null;
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
  }

  const onOnline = () => {
    failures = 0;
    void connect();
  };
  const onOffline = () => disconnect();
  events.addEventListener('online', onOnline);
  events.addEventListener('offline', onOffline);
  // Refreshed tokens change the session too: the open stream keeps going. Signing in again after
  // the session ended (same device) finds no stream and no retry pending, and connects.
  const stopWatching = watchSession((session) => {
    const next = session?.device.id ?? null;
    if (next === deviceId) {
      if (!connection && reconnectTimer === undefined) void connect();
      return;
    }
    disconnect();
    deviceId = next;
    failures = 0;
    void connect();
  });

  return () => {
    stopped = true;
    disconnect();
    clearTimeout(pokeTimer);
    events.removeEventListener('online', onOnline);
    events.removeEventListener('offline', onOffline);
    stopWatching();
  };
}
