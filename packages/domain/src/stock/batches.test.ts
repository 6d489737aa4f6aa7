import { describe, expect, it } from 'vitest';
import { batchSchema, receiveBatchSchema, type Batch } from './batches.js';
import {
  addCalendarDays,
  compareFefo,
  expiredOnHand,
  isExpired,
  onlyExpiredLeft,
  shopDateOf,
  sellableOnHand,
} from './expiry.js';
import { expiringWithin } from './expiryAlerts.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PRODUCT = uuid(0xa);
const BRANCH = uuid(0xb);

function batch(n: number, expiresOn: string | null, onHand: number, lot = `L${n}`): Batch {
  return { id: uuid(n), productId: PRODUCT, branchId: BRANCH, lot, expiresOn, onHand };
}

describe('expiry (BT2)', () => {
  it('sells a batch on its expiry day and never from the day after', () => {
    const pack = batch(1, '2026-03-31', 5);
    expect(isExpired(pack, '2026-03-30')).toBe(false);
    expect(isExpired(pack, '2026-03-31')).toBe(false);
    expect(isExpired(pack, '2026-04-01')).toBe(true);
  });

  it('never expires goods without an expiry date', () => {
    expect(isExpired(batch(1, null, 1), '9999-12-31')).toBe(false);
  });

  it('splits on hand into sellable and expired units', () => {
    const batches = [batch(1, '2026-01-09', 3), batch(2, '2026-01-10', 4), batch(3, null, 5)];
    expect(sellableOnHand(batches, '2026-01-10')).toBe(9);
    expect(expiredOnHand(batches, '2026-01-10')).toBe(3);
  });

  it('alerts on batches with stock expiring within the window, soonest first, expiry day included', () => {
    const batches = [
      batch(1, '2026-01-20', 1),
      batch(2, '2026-01-09', 1), // expired: a write-off, not an alert
      batch(3, '2026-01-17', 1), // today + 7: in
      batch(4, '2026-01-18', 1), // today + 8: out
      batch(5, '2026-01-12', 0), // nothing left to sell
      batch(6, null, 1),
      batch(7, '2026-01-10', 2), // expires today: still sellable, most urgent
    ];
    expect(expiringWithin(batches, '2026-01-10', 7).map((b) => b.id)).toEqual([uuid(7), uuid(3)]);
    expect(expiringWithin(batches, '2026-01-10', 0).map((b) => b.id)).toEqual([uuid(7)]);
    expect(() => expiringWithin(batches, '2026-01-10', -1)).toThrow(RangeError);
  });

  it('at the till, refuses units only expired batches could cover, and leaves the rest to the oversell policy', () => {
    expect(onlyExpiredLeft(5, 3, 2)).toBe(false); // 2 sellable cover 2
    expect(onlyExpiredLeft(5, 3, 3)).toBe(true);
    expect(onlyExpiredLeft(3, 3, 1)).toBe(true); // everything on the shelf has expired
    expect(onlyExpiredLeft(0, 0, 1)).toBe(false); // nothing expired: `flag` may still sell
    expect(onlyExpiredLeft(-2, 1, 1)).toBe(true);
  });

  it("judges a day by the shop's calendar (UTC+2), the same on every device and the server", () => {
    expect(shopDateOf('2026-11-30T21:59:59Z')).toBe('2026-11-30');
    expect(shopDateOf('2026-11-30T22:00:00Z')).toBe('2026-12-01');
    expect(shopDateOf(new Date('2026-12-31T23:30:00+02:00'))).toBe('2026-12-31');
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addCalendarDays('soon', 1)).toThrow(RangeError);
  });
});

describe('FEFO order (BT3)', () => {
  it('puts the earliest expiry first, no expiry last, ties by lot then id', () => {
    const batches = [
      batch(1, null, 1, 'A'),
      batch(2, '2026-05-01', 1, 'B'),
      batch(4, '2026-04-01', 1, 'C'),
      batch(3, '2026-04-01', 1, 'C'),
      batch(5, '2026-04-01', 1, 'A'),
    ];
    expect([...batches].sort(compareFefo).map((b) => b.id)).toEqual([uuid(5), uuid(3), uuid(4), uuid(2), uuid(1)]);
  });
});

describe('schemas', () => {
  it('takes a lot of 1 to 40 characters, trimmed, and an ISO expiry or none', () => {
    expect(batchSchema.parse({ ...batch(1, '2026-01-31', 0), lot: '  AB12 ' }).lot).toBe('AB12');
    expect(batchSchema.safeParse({ ...batch(1, null, 0), lot: '   ' }).success).toBe(false);
    expect(batchSchema.safeParse({ ...batch(1, null, 0), lot: 'x'.repeat(41) }).success).toBe(false);
    expect(batchSchema.safeParse(batch(1, '31/01/2026', 0)).success).toBe(false);
    expect(batchSchema.safeParse(batch(1, null, -1)).success).toBe(false);
  });

  it('receives at least one unit with its lot and expiry, optionally into a named batch', () => {
    const receipt = { productId: PRODUCT, quantity: 12, lot: 'AB12', expiresOn: '2027-06-30' };
    expect(receiveBatchSchema.safeParse(receipt).success).toBe(true);
    expect(receiveBatchSchema.safeParse({ ...receipt, expiresOn: null, batchId: uuid(1) }).success).toBe(true);
    expect(receiveBatchSchema.safeParse({ ...receipt, quantity: 0 }).success).toBe(false);
    expect(receiveBatchSchema.safeParse({ ...receipt, expiresOn: undefined }).success).toBe(false);
  });
});
