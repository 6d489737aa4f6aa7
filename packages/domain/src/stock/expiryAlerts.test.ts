import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isExpired } from './expiry.js';
import {
  EXPIRY_ALERT_DAYS,
  compareStockAlerts,
  expiryAlerts,
  stockAlerts,
  type AlertBatch,
  type ExpiryAlertProduct,
} from './expiryAlerts.js';
import type { LowStockProduct } from './lowStock.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-03-10';

function product(n: number, fields: Partial<LowStockProduct> = {}): LowStockProduct {
  return { id: id(n), name: `Product ${n}`, isActive: true, trackStock: true, reorderLevel: null, ...fields };
}

function batch(n: number, productN: number, expiresOn: string | null, onHand: number, lot = `L${n}`): AlertBatch {
  return { id: id(100 + n), productId: id(productN), lot, expiresOn, onHand };
}

const kindsOf = (alerts: readonly { kind: string; batchId?: string }[]) =>
  alerts.map((alert) => `${alert.kind}:${alert.batchId ?? ''}`);

describe('expiryAlerts (SPEC AL6, BT4)', () => {
  it('keeps N = 30 days until it becomes a shop setting', () => {
    expect(EXPIRY_ALERT_DAYS).toBe(30);
  });

  it('alerts through the expiry day and the window’s last day; the day after expiry is expired', () => {
    const products = [product(1)];
    const batches = [
      batch(1, 1, TODAY, 2), // expires today: still sellable, 0 days left
      batch(2, 1, addCalendarDays(TODAY, 30), 3), // the window's last day
      batch(3, 1, addCalendarDays(TODAY, 31), 4), // just beyond: no alert
      batch(4, 1, addCalendarDays(TODAY, -1), 5), // expired yesterday
    ];
    expect(expiryAlerts(products, batches, TODAY)).toEqual([
      {
        kind: 'expired',
        productId: id(1),
        name: 'Product 1',
        batchId: id(104),
        lot: 'L4',
        expiresOn: '2026-03-09',
        onHand: 5,
      },
      {
        kind: 'expiring',
        productId: id(1),
        name: 'Product 1',
        batchId: id(101),
        lot: 'L1',
        expiresOn: TODAY,
        onHand: 2,
        daysLeft: 0,
      },
      {
        kind: 'expiring',
        productId: id(1),
        name: 'Product 1',
        batchId: id(102),
        lot: 'L2',
        expiresOn: '2026-04-09',
        onHand: 3,
        daysLeft: 30,
      },
    ]);
    // The next day the first batch has expired and the one beyond the window comes in.
    const tomorrow = addCalendarDays(TODAY, 1);
    expect(kindsOf(expiryAlerts(products, batches, tomorrow))).toEqual([
      `expired:${id(104)}`,
      `expired:${id(101)}`,
      `expiring:${id(102)}`,
      `expiring:${id(103)}`,
    ]);
  });

  it('never alerts for goods without an expiry, or a batch with no units left', () => {
    const batches = [batch(1, 1, null, 9), batch(2, 1, TODAY, 0), batch(3, 1, '2001-01-01', 0)];
    expect(expiryAlerts([product(1)], batches, TODAY)).toEqual([]);
  });

  it('only for active, non-deleted products the device knows', () => {
    const products = [product(1, { isActive: false }), product(2, { deleted: true }), product(3)];
    const batches = [batch(1, 1, TODAY, 1), batch(2, 2, TODAY, 1), batch(3, 4, TODAY, 1), batch(4, 3, TODAY, 1)];
    expect(kindsOf(expiryAlerts(products, batches, TODAY))).toEqual([`expiring:${id(104)}`]);
  });

  it('alerts whether or not the product tracks stock: an expired pack is on the shelf either way', () => {
    const alerts = expiryAlerts([product(1, { trackStock: false })], [batch(1, 1, '2026-01-31', 1)], TODAY);
    expect(kindsOf(alerts)).toEqual([`expired:${id(101)}`]);
  });

  it('takes the window from `days`: 0 is today only', () => {
    const batches = [batch(1, 1, TODAY, 1), batch(2, 1, addCalendarDays(TODAY, 1), 1)];
    expect(kindsOf(expiryAlerts([product(1)], batches, TODAY, 0))).toEqual([`expiring:${id(101)}`]);
    expect(() => expiryAlerts([product(1)], batches, TODAY, -1)).toThrow(RangeError);
  });

  it('lists soonest expiry first, then by name, lot and batch', () => {
    const products = [product(1, { name: 'zinc' }), product(2, { name: 'Aspirin' })];
    const batches = [
      batch(1, 1, '2026-03-20', 1, 'B'),
      batch(2, 2, '2026-03-20', 1, 'Z'),
      batch(3, 2, '2026-03-12', 1, 'Z'),
      batch(4, 1, '2026-03-20', 1, 'A'),
    ];
    expect(kindsOf(expiryAlerts(products, batches, TODAY))).toEqual([
      `expiring:${id(103)}`,
      `expiring:${id(102)}`,
      `expiring:${id(104)}`,
      `expiring:${id(101)}`,
    ]);
  });

  const day = fc.integer({ min: -40, max: 40 }).map((offset) => addCalendarDays(TODAY, offset));
  const batchesArb = fc.array(
    fc.record({
      productN: fc.integer({ min: 1, max: 4 }),
      expiresOn: fc.option(day, { nil: null }),
      onHand: fc.nat({ max: 5 }),
    }),
    { maxLength: 20 },
  );

  it('property: exactly one alert per batch with units and an expiry up to today + N, of the right kind', () => {
    fc.assert(
      fc.property(batchesArb, fc.nat({ max: 35 }), (rows, days) => {
        const batches = rows.map((row, index) => batch(index, row.productN, row.expiresOn, row.onHand));
        const products = [1, 2, 3, 4].map((n) => product(n));
        const alerts = expiryAlerts(products, batches, TODAY, days);
        const last = addCalendarDays(TODAY, days);
        const expected = batches
          .filter((b) => b.onHand > 0 && b.expiresOn !== null && b.expiresOn <= last)
          .map((b) => `${isExpired(b, TODAY) ? 'expired' : 'expiring'}:${b.id}`)
          .sort();
        expect(kindsOf(alerts).sort()).toEqual(expected);
        for (const alert of alerts) {
          if (alert.kind !== 'expiring') continue;
          expect(alert.daysLeft >= 0 && alert.daysLeft <= days).toBe(true);
          expect(addCalendarDays(TODAY, alert.daysLeft)).toBe(alert.expiresOn);
        }
      }),
    );
  });
});

describe('stockAlerts: every kind in AL8’s order', () => {
  it('expired, then out of stock, then expiring, then low', () => {
    const products = [
      product(1, { name: 'Low', reorderLevel: 5 }),
      product(2, { name: 'Out', reorderLevel: 5 }),
      product(3, { name: 'Batches' }),
    ];
    const stock = new Map([
      [id(1), 3],
      [id(2), 0],
      [id(3), 4],
    ]);
    const batches = [batch(1, 3, '2026-03-15', 2), batch(2, 3, '2026-02-28', 2)];
    const alerts = stockAlerts(products, stock, batches, TODAY);
    expect(
      alerts.map((alert) => (alert.kind === 'low_stock' ? `${alert.severity}:${alert.name}` : alert.kind)),
    ).toEqual(['expired', 'out:Out', 'expiring', 'low:Low']);
  });

  it('property: the order does not depend on the input order, and is a total order', () => {
    const rows = fc.array(
      fc.record({
        reorderLevel: fc.option(fc.nat({ max: 5 }), { nil: null }),
        onHand: fc.integer({ min: -2, max: 8 }),
        expiresOn: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        rows.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          const build = (from: typeof list) => {
            const products: LowStockProduct[] = [];
            const batches: AlertBatch[] = [];
            const stock = new Map<string, number>();
            for (const row of from) {
              const n = list.indexOf(row) + 1;
              products.push(product(n, { name: `P${n % 3}`, reorderLevel: row.reorderLevel }));
              stock.set(id(n), row.onHand);
              const expiresOn = row.expiresOn === null ? null : addCalendarDays(TODAY, row.expiresOn);
              batches.push(batch(n, n, expiresOn, Math.max(row.onHand, 0)));
            }
            return stockAlerts(products, stock, batches, TODAY);
          };
          const alerts = build(list);
          expect(build(shuffled)).toEqual(alerts);
          for (let i = 1; i < alerts.length; i += 1) {
            const [before, after] = [alerts[i - 1], alerts[i]];
            if (before && after) expect(compareStockAlerts(before, after)).toBeLessThan(0);
          }
        },
      ),
    );
  });

  it('needs no more of a product than its id, name and whether it is sold', () => {
    const products: ExpiryAlertProduct[] = [{ id: id(1), name: 'A', isActive: true }];
    expect(expiryAlerts(products, [batch(1, 1, TODAY, 1)], TODAY)).toHaveLength(1);
  });
});
