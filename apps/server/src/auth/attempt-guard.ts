/**
 * Per-account lockout (issue 4 "Abuse"): the per-address rate limit cannot stop a
 * slow guess of one phone's PIN spread over many addresses, so wrong attempts are
 * also counted per account key (`<kind>:<id>`, e.g. `signin:+27821234567`), and
 * too many lock that key for a while, longer each time. Counters live in Redis
 * when the app has it, so every instance sees the same lock; in memory otherwise.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { ERROR_CODES } from '@opentill/domain';
import { AppError } from '../http/errors.js';

/**
 * What is guarded; a kind is part of the key, so its counts never mix with another's. `signin` is keyed
 * by phone or (lower-case) email, `mfa` (two-factor and recovery codes) by user id.
 */
export type AttemptKind = 'signin' | 'refresh' | 'pin' | 'mfa';

export interface LockoutPolicy {
  /** Wrong attempts that lock the key... */
  maxFailures: number;
  /** ...when made within this many seconds of the first of them. */
  failureWindowSeconds: number;
  /** The first lock; each further one within `escalationWindowSeconds` lasts twice the one before... */
  firstLockSeconds: number;
  /** ...up to this. */
  maxLockSeconds: number;
  /** Locks are counted over this many seconds from the first; then they start again at `firstLockSeconds`. */
  escalationWindowSeconds: number;
}

/**
 * 5 wrong attempts within 15 minutes lock the key for 1 minute; each further lock
 * within 24 hours doubles (1, 2, 4, 8, 16, 32, then 60 minutes each). A right
 * attempt clears the wrong ones but not the count of locks: the owner signing in
 * between an attacker's rounds must not reset the attacker to 1-minute locks.
 */
export const LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  failureWindowSeconds: 15 * 60,
  firstLockSeconds: 60,
  maxLockSeconds: 60 * 60,
  escalationWindowSeconds: 24 * 60 * 60,
};

/** A lock just set by a wrong attempt: what the audit log records. */
export interface Lockout {
  kind: AttemptKind;
  id: string;
  lockSeconds: number;
  /** 1 for the first lock within the escalation window, 2 for the second... */
  lockoutNumber: number;
}

export interface AttemptGuard {
  /** Throws OT_ERR_LOCKED_OUT (429, with Retry-After) while the key is locked, before any PIN is checked. */
  check(kind: AttemptKind, id: string): Promise<void>;
  /** Counts a wrong attempt; returns the lock when this attempt set one. */
  failed(kind: AttemptKind, id: string): Promise<Lockout | null>;
  /** A right attempt: its wrong attempts are forgotten, its locks are not. */
  succeeded(kind: AttemptKind, id: string): Promise<void>;
}

export interface AttemptGuardOptions {
  redis?: Redis | undefined;
  policy?: LockoutPolicy;
  /** Redis key prefix; tests give each run its own. */
  keyPrefix?: string;
}

export const ATTEMPT_KEY_PREFIX = 'ot:attempts';

/** How long the n-th lock within the escalation window lasts (n from 1). */
export function lockSecondsFor(policy: LockoutPolicy, lockoutNumber: number): number {
  // Capped before doubling too far: 2 ** 1000 is Infinity, not a number of seconds.
  const doublings = Math.min(Math.max(lockoutNumber - 1, 0), 31);
  return Math.min(policy.firstLockSeconds * 2 ** doublings, policy.maxLockSeconds);
}

export function createAttemptGuard(options: AttemptGuardOptions = {}): AttemptGuard {
  const policy = options.policy ?? LOCKOUT_POLICY;
  const prefix = options.keyPrefix ?? ATTEMPT_KEY_PREFIX;
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const settings = { keyPrefix: `${prefix}:${name}`, points, duration };
    if (!options.redis) return new RateLimiterMemory(settings);
    // If Redis fails, each instance keeps counting on its own rather than failing sign-in.
    return new RateLimiterRedis({
      ...settings,
      storeClient: options.redis,
      insuranceLimiter: new RateLimiterMemory(settings),
    });
  };
  // Wrong attempts in the current window; locks (a blocked key) and their count since the first.
  const failures = limiter('fail', policy.maxFailures, policy.failureWindowSeconds);
  const locks = limiter('lock', 1, policy.maxLockSeconds);
  const lockouts = limiter('lockouts', Number.MAX_SAFE_INTEGER, policy.escalationWindowSeconds);

  return {
    async check(kind, id) {
      const lock = await locks.get(`${kind}:${id}`);
      // A blocked key holds more points than the limiter allows, until its lock runs out.
      if (!lock || lock.consumedPoints <= locks.points || lock.msBeforeNext <= 0) return;
      const retryAfterSeconds = Math.ceil(lock.msBeforeNext / 1000);
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new AppError(
        'OT_ERR_LOCKED_OUT',
        undefined,
        `${ERROR_CODES.OT_ERR_LOCKED_OUT.message} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds },
      );
    },

    async failed(kind, id) {
      const key = `${kind}:${id}`;
      const { consumedPoints } = await failures.penalty(key);
      // Every maxFailures-th wrong attempt locks. The count is atomic, so of the attempts that
      // passed `check` together, exactly one sets the lock; the others count toward the next.
      if (consumedPoints % policy.maxFailures !== 0) return null;
      const lockoutNumber = (await lockouts.penalty(key)).consumedPoints;
      const lockSeconds = lockSecondsFor(policy, lockoutNumber);
      await locks.block(key, lockSeconds);
      return { kind, id, lockSeconds, lockoutNumber };
    },

    async succeeded(kind, id) {
      await failures.delete(`${kind}:${id}`);
    },
  };
}
