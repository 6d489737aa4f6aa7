import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Redis } from 'ioredis';
import { AppError } from '../http/errors.js';
import { LOCKOUT_POLICY, createAttemptGuard, lockSecondsFor, type AttemptGuard } from './attempt-guard.js';
import { TEST_REDIS_URL, deleteKeys, redisReachable, uniqueKeyPrefix } from '../test/redis.js';

const MINUTE = 60_000;

/** The error `check` throws, or null when the key is not locked. */
async function lockError(guard: AttemptGuard, id: string): Promise<AppError | null> {
  try {
    await guard.check('signin', id);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** Fails `times` wrong attempts; returns the lock the last one set, if any. */
async function failTimes(guard: AttemptGuard, id: string, times: number) {
  let lockout = null;
  for (let attempt = 0; attempt < times; attempt++) lockout = await guard.failed('signin', id);
  return lockout;
}

describe('lockSecondsFor', () => {
  it('doubles from one minute to the one-hour cap', () => {
    const locks = [1, 2, 3, 4, 5, 6, 7, 8, 1000].map((n) => lockSecondsFor(LOCKOUT_POLICY, n));
    expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });
});

// The memory limiter times keys by Date.now and setTimeout, which Vitest's fake clock drives.
describe('attempt guard (in memory, fake clock)', () => {
  let guard: AttemptGuard;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T08:00:00Z') });
    guard = createAttemptGuard();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the fifth wrong attempt, for one minute, with Retry-After', async () => {
    expect(await failTimes(guard, '+27821234567', 4)).toBeNull();
    expect(await lockError(guard, '+27821234567')).toBeNull();
    expect(await guard.failed('signin', '+27821234567')).toEqual({
      kind: 'signin',
      id: '+27821234567',
      lockSeconds: 60,
      lockoutNumber: 1,
    });
    const error = await lockError(guard, '+27821234567');
    expect(error).toMatchObject({ code: 'OT_ERR_LOCKED_OUT', status: 429, retryAfterSeconds: 60 });
    expect(error?.message).toContain('Try again in 1 minute.');
    vi.advanceTimersByTime(45_000);
    expect((await lockError(guard, '+27821234567'))?.retryAfterSeconds).toBe(15);
    vi.advanceTimersByTime(15_000);
    expect(await lockError(guard, '+27821234567')).toBeNull();
  });

  it('doubles each further lock within a day, up to an hour', async () => {
    const locks: number[] = [];
    for (let round = 0; round < 8; round++) {
      const lockout = await failTimes(guard, 'x', 5);
      locks.push(lockout?.lockSeconds ?? 0);
      vi.advanceTimersByTime((lockout?.lockSeconds ?? 0) * 1000);
    }
    expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('starts again at one minute once the day since the first lock is over', async () => {
    await failTimes(guard, 'x', 5);
    vi.advanceTimersByTime(MINUTE);
    expect((await failTimes(guard, 'x', 5))?.lockSeconds).toBe(120);
    vi.advanceTimersByTime(24 * 60 * MINUTE);
    expect((await failTimes(guard, 'x', 5))?.lockSeconds).toBe(60);
  });

  it('counts wrong attempts within 15 minutes of the first only', async () => {
    await failTimes(guard, 'x', 4);
    vi.advanceTimersByTime(15 * MINUTE);
    expect(await failTimes(guard, 'x', 4)).toBeNull();
    expect(await lockError(guard, 'x')).toBeNull();
  });

  it('forgets wrong attempts after a right one, but not earlier locks', async () => {
    await failTimes(guard, 'x', 4);
    await guard.succeeded('signin', 'x');
    expect(await failTimes(guard, 'x', 4)).toBeNull();
    expect((await guard.failed('signin', 'x'))?.lockSeconds).toBe(60);
    vi.advanceTimersByTime(MINUTE);
    await guard.succeeded('signin', 'x');
    expect((await failTimes(guard, 'x', 5))?.lockSeconds).toBe(120);
  });

  it('locks only the key that failed: other ids and other kinds go on', async () => {
    await failTimes(guard, 'x', 5);
    expect(await lockError(guard, 'x')).not.toBeNull();
    expect(await lockError(guard, 'y')).toBeNull();
    await expect(guard.check('pin', 'x')).resolves.toBeUndefined();
    await expect(guard.check('refresh', 'x')).resolves.toBeUndefined();
  });

  it('locks once for wrong attempts that raced past the check, and counts the rest', async () => {
    // Seven attempts in flight at once: each passed `check` before any failed.
    const results = await Promise.all(Array.from({ length: 7 }, () => guard.failed('signin', 'x')));
    expect(results.filter((lockout) => lockout !== null)).toHaveLength(1);
    vi.advanceTimersByTime(MINUTE);
    expect((await failTimes(guard, 'x', 3))?.lockoutNumber).toBe(2);
  });

  it('follows the policy it is given', async () => {
    const fast = createAttemptGuard({
      policy: {
        maxFailures: 2,
        failureWindowSeconds: 60,
        firstLockSeconds: 10,
        maxLockSeconds: 15,
        escalationWindowSeconds: 3600,
      },
    });
    expect((await failTimes(fast, 'x', 2))?.lockSeconds).toBe(10);
    vi.advanceTimersByTime(10_000);
    expect((await failTimes(fast, 'x', 2))?.lockSeconds).toBe(15);
  });

  it('keeps counting in memory when Redis fails', async () => {
    // Nothing listens on port 1, and without the offline queue every command fails at once.
    const broken = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    broken.on('error', () => undefined);
    const insured = createAttemptGuard({ redis: broken });
    expect((await failTimes(insured, 'x', 5))?.lockSeconds).toBe(60);
    expect(await lockError(insured, 'x')).toMatchObject({ code: 'OT_ERR_LOCKED_OUT' });
    broken.disconnect();
  });
});

const redisUp = await redisReachable();
if (!redisUp) console.warn(`Skipping the Redis attempt-guard tests: no Redis answers at ${TEST_REDIS_URL}`);

describe.skipIf(!redisUp)(`attempt guard on Redis (${TEST_REDIS_URL})`, () => {
  const prefix = uniqueKeyPrefix('attempt-guard');
  // Two clients and two guards: two app instances sharing one Redis.
  const clients = redisUp ? [new Redis(TEST_REDIS_URL), new Redis(TEST_REDIS_URL)] : [];
  const [first, second] = clients.map((redis) => createAttemptGuard({ redis, keyPrefix: prefix }));

  afterAll(async () => {
    if (clients[0]) await deleteKeys(clients[0], prefix);
    for (const client of clients) client.disconnect();
  });

  it('shares wrong attempts and the lock between instances', async () => {
    if (!first || !second) throw new Error('no guards');
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(await (attempt % 2 ? second : first).failed('signin', 'shared')).toBeNull();
    }
    expect(await second.failed('signin', 'shared')).toMatchObject({ lockSeconds: 60, lockoutNumber: 1 });
    const error = await lockError(first, 'shared');
    expect(error).toMatchObject({ code: 'OT_ERR_LOCKED_OUT', status: 429 });
    // Redis counts the lock down in real time: only its bounds are certain.
    expect(error?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await lockError(second, 'shared')).not.toBeNull();
    expect(await lockError(first, 'other')).toBeNull();
  });

  it('clears wrong attempts on every instance after a right one', async () => {
    if (!first || !second) throw new Error('no guards');
    await failTimes(first, 'cleared', 4);
    await second.succeeded('signin', 'cleared');
    expect(await failTimes(first, 'cleared', 4)).toBeNull();
    expect(await lockError(second, 'cleared')).toBeNull();
  });

  it('keeps its keys under its prefix, namespaced by kind', async () => {
    if (!first || !clients[0]) throw new Error('no guard');
    await first.failed('pin', 'user-1');
    expect(await clients[0].keys(`${prefix}*pin:user-1`)).toEqual([`${prefix}:fail:pin:user-1`]);
  });
});
