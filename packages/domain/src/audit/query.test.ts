import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_DEFAULT, auditLogPageSchema, auditQuerySchema, isAuditAreaFilter } from './query.js';

const USER = 'b3c6a1f2-7d4e-4c3b-8a21-5f9e0d7c6b54';

describe('the audit query', () => {
  it('takes every filter as query-string text and gives typed values', () => {
    expect(
      auditQuerySchema.parse({
        action: 'auth.',
        userId: USER,
        from: '2026-11-30T08:00:00+02:00',
        to: '2026-11-30',
        before: '120',
        limit: '20',
      }),
    ).toEqual({
      action: 'auth.',
      userId: USER,
      from: new Date('2026-11-30T06:00:00.000Z'),
      to: new Date('2026-11-30T23:59:59.999Z'),
      before: 120,
      limit: 20,
    });
  });

  it('defaults to the newest 50 entries of every kind', () => {
    expect(auditQuerySchema.parse({})).toEqual({ limit: AUDIT_PAGE_DEFAULT });
  });

  it('a day as `from` starts at its first millisecond', () => {
    expect(auditQuerySchema.parse({ from: '2026-11-30' }).from).toEqual(new Date('2026-11-30T00:00:00.000Z'));
  });

  it.each([
    ['an action without its area', { action: 'sign_in' }, 'action'],
    ['an action with a wildcard', { action: 'auth.%' }, 'action'],
    ['an upper-case action', { action: 'AUTH.' }, 'action'],
    ['a user that is no uuid', { userId: 'nomsa' }, 'userId'],
    ['a date that is no date', { from: 'yesterday' }, 'from'],
    ['a moment without an offset', { to: '2026-11-30T08:00:00' }, 'to'],
    ['a range that ends before it starts', { from: '2026-12-01', to: '2026-11-30' }, 'to'],
    ['a page of none', { limit: '0' }, 'limit'],
    ['a page over 200', { limit: '201' }, 'limit'],
    ['a number written as an exponent', { limit: '1e2' }, 'limit'],
    ['a negative `before`', { before: '-3' }, 'before'],
    ['a repeated parameter', { action: ['auth.', 'user.'] }, 'action'],
  ])('refuses %s', (_label, input, path) => {
    const result = auditQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('tells an area from one action', () => {
    expect([isAuditAreaFilter('auth.'), isAuditAreaFilter('auth.sign_in')]).toEqual([true, false]);
  });
});

describe('the audit page', () => {
  it('reads entries with nulls where the log has none', () => {
    const entry = {
      seq: 3,
      at: '2026-11-30T08:15:42.123Z',
      action: 'auth.sign_in',
      actorUserId: USER,
      actorName: 'Nomsa',
      actorDeviceId: null,
      actorDeviceName: null,
      ip: null,
      userAgent: null,
      details: { branchId: USER },
    };
    expect(auditLogPageSchema.parse({ entries: [entry], nextBefore: null })).toEqual({
      entries: [entry],
      nextBefore: null,
    });
    expect(auditLogPageSchema.safeParse({ entries: [{ ...entry, seq: 0 }], nextBefore: null }).success).toBe(false);
    expect(auditLogPageSchema.safeParse({ entries: [{ ...entry, at: 'today' }], nextBefore: 1 }).success).toBe(false);
  });
});
