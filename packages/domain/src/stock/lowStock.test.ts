import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLowStock, lowStockAlerts, type LowStockProduct } from './lowStock.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function product(n: number, fields: Partial<LowStockProduct> = {}): LowStockProduct {
  return { id: id(n), name: `Product ${n}`, isActive: true, trackStock: true, reorderLevel: 5, ...fields };
}

describe('lowStockAlerts (SPEC AL1–AL3)', () => {
  it('alerts at or below the reorder level, not above it (AL1)', () => {
    const products = [product(1), product(2), product(3)];
    const stock = new Map([
      [id(1), 6],
      [id(2), 5],
      [id(3), 4],
    ]);
    expect(lowStockAlerts(products, stock).map((alert) => alert.productId)).toEqual([id(3), id(2)]);
  });

  it('skips inactive, untracked, deleted products and those without a level (AL1)', () => {
    const products = [
      product(1, { isActive: false }),
      product(2, { trackStock: false }),
      product(3, { reorderLevel: null }),
      product(4, { reorderLevel: undefined }),
      product(5, { deleted: true }),
    ];
    expect(lowStockAlerts(products, new Map())).toEqual([]);
  });

  it('tells out of stock (0 or below) from low, and reads a missing figure as 0 (AL2)', () => {
    const products = [product(1), product(2), product(3, { reorderLevel: 0 })];
    const alerts = lowStockAlerts(products, new Map([[id(1), 2]]));
    expect(alerts).toEqual([
      { kind: 'low_stock', productId: id(2), name: 'Product 2', onHand: 0, reorderLevel: 5, severity: 'out' },
      { kind: 'low_stock', productId: id(3), name: 'Product 3', onHand: 0, reorderLevel: 0, severity: 'out' },
      { kind: 'low_stock', productId: id(1), name: 'Product 1', onHand: 2, reorderLevel: 5, severity: 'low' },
    ]);
  });

  it('a reorder level of 0 alerts only when the shelf is empty or below (AL1, AL2)', () => {
    const products = [product(1, { reorderLevel: 0 })];
    expect(lowStockAlerts(products, new Map([[id(1), 1]]))).toEqual([]);
    expect(lowStockAlerts(products, new Map([[id(1), -2]]))[0]?.severity).toBe('out');
  });

  it('lists out of stock first, then furthest below the level, then by name (AL3)', () => {
    const products = [
      product(1, { name: 'milk', reorderLevel: 10 }),
      product(2, { name: 'Bread', reorderLevel: 10 }),
      product(3, { name: 'Eggs', reorderLevel: 100 }),
      product(4, { name: 'Sugar', reorderLevel: 2 }),
      product(5, { name: 'Apples', reorderLevel: 2 }),
    ];
    const stock = new Map([
      [id(1), 4],
      [id(2), 4],
      [id(3), 50],
      [id(4), -1],
      [id(5), 0],
    ]);
    expect(lowStockAlerts(products, stock).map((alert) => alert.name)).toEqual([
      'Sugar', // out, 3 below
      'Apples', // out, 2 below
      'Eggs', // 50 below
      'Bread', // 6 below, B before m
      'milk',
    ]);
  });

  const productsArb = fc
    .array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 6 }),
        isActive: fc.boolean(),
        trackStock: fc.boolean(),
        reorderLevel: fc.option(fc.nat({ max: 20 }), { nil: null }),
        onHand: fc.option(fc.integer({ min: -10, max: 30 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    )
    .map((rows) =>
      rows.map((row, index) => ({
        product: {
          id: id(index + 1),
          name: row.name,
          isActive: row.isActive,
          trackStock: row.trackStock,
          reorderLevel: row.reorderLevel,
        },
        onHand: row.onHand,
      })),
    );

  it('property: an alert exactly for each tracked active product with a level and on hand ≤ level', () => {
    fc.assert(
      fc.property(productsArb, (rows) => {
        const stock = new Map(
          rows.flatMap((row) => (row.onHand === undefined ? [] : [[row.product.id, row.onHand] as const])),
        );
        const alerts = lowStockAlerts(
          rows.map((row) => row.product),
          stock,
        );
        const expected = rows
          .filter(
            ({ product: p, onHand }) =>
              p.isActive && p.trackStock && p.reorderLevel !== null && (onHand ?? 0) <= p.reorderLevel,
          )
          .map((row) => row.product.id)
          .sort();
        expect(alerts.map((alert) => alert.productId).sort()).toEqual(expected);
        for (const alert of alerts) {
          expect(alert.severity).toBe(alert.onHand <= 0 ? 'out' : 'low');
          expect(alert.onHand).toBeLessThanOrEqual(alert.reorderLevel);
        }
      }),
    );
  });

  it('property: the list is in AL3 order, and that order does not depend on the input order', () => {
    fc.assert(
      fc.property(
        productsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        ([rows, shuffled]) => {
          const stockOf = (list: typeof rows) =>
            new Map(list.flatMap((row) => (row.onHand === undefined ? [] : [[row.product.id, row.onHand] as const])));
          const alerts = lowStockAlerts(
            rows.map((row) => row.product),
            stockOf(rows),
          );
          for (let i = 1; i < alerts.length; i += 1) {
            const [before, after] = [alerts[i - 1], alerts[i]];
            if (!before || !after) continue;
            expect(compareLowStock(before, after)).toBeLessThan(0);
            if (before.severity === after.severity) {
              expect(before.reorderLevel - before.onHand).toBeGreaterThanOrEqual(after.reorderLevel - after.onHand);
            } else {
              expect(before.severity).toBe('out');
            }
          }
          expect(
            lowStockAlerts(
              shuffled.map((row) => row.product),
              stockOf(shuffled),
            ),
          ).toEqual(alerts);
        },
      ),
    );
  });
});
