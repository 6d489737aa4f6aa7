import { describe, expect, it } from 'vitest';
import { isDueForRefresh, isStillValid, tokenClockOf } from './tokenClock';

const RECEIVED = Date.parse('2026-11-23T10:00:00.000Z');

describe('the token clock', () => {
  it('refreshes a minute before a 15-minute token ends, by the lifetime the server gave', () => {
    const clock = tokenClockOf('2026-11-23T10:15:00.000Z', 'Mon, 23 Nov 2026 10:00:00 GMT', RECEIVED);
    expect(clock.expiresAtMs - RECEIVED).toBe(14 * 60_000 + 59_000);
    expect(clock.expiresAtMs - clock.refreshAtMs).toBe(60_000);
  });

  it('is not fooled by a phone whose clock is hours wrong', () => {
    // The server says 13:00 while this phone says 10:00: the token still lasts 15 minutes here.
    const clock = tokenClockOf('2026-11-23T13:15:00.000Z', 'Mon, 23 Nov 2026 13:00:00 GMT', RECEIVED);
    expect(clock.expiresAtMs - RECEIVED).toBe(14 * 60_000 + 59_000);
    const stored = { tokenExpiresAt: '2026-11-23T13:15:00.000Z', tokenClock: clock };
    expect(isDueForRefresh(stored, RECEIVED + 60_000)).toBe(false);
    expect(isDueForRefresh(stored, RECEIVED + 14 * 60_000)).toBe(true);
    expect(isStillValid(stored, RECEIVED + 14 * 60_000)).toBe(true);
    expect(isStillValid(stored, RECEIVED + 15 * 60_000)).toBe(false);
  });

  it('refreshes a short token at half its life, not at once', () => {
    const clock = tokenClockOf('2026-11-23T10:00:31.000Z', 'Mon, 23 Nov 2026 10:00:00 GMT', RECEIVED);
    expect(clock.refreshAtMs - RECEIVED).toBe(15_000);
  });

  it('falls back to the phone’s clock without a Date header', () => {
    const clock = tokenClockOf('2026-11-23T10:15:01.000Z', null, RECEIVED);
    expect(clock.expiresAtMs - RECEIVED).toBe(15 * 60_000);
    expect(isDueForRefresh({ tokenExpiresAt: '2026-11-23T10:15:00.000Z', tokenClock: undefined }, RECEIVED)).toBe(
      false,
    );
  });
});
