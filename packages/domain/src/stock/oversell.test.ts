import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandOf, judgeSales, shortfallOf, type StockPosition } from './oversell.js';

const PRODUCTS = ['a', 'b', 'c'].map((letter) => `00000000-0000-4000-8000-00000000000${letter}`);

const positionArb = fc.record({
  onHand: fc.integer({ min: -5, max: 10 }),
  tracked: fc.boolean(),
  policy: fc.constantFrom('flag' as const, 'reject' as const),
});
const saleArb = fc.record({
  items: fc.array(fc.record({ productId: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 4 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
});

function startingPositions(values: StockPosition[]): Map<string, StockPosition> {
  return new Map(PRODUCTS.map((id, index) => [id, { ...(values[index] as StockPosition) }]));
}

describe('judgeSales (SPEC ST2–ST5)', () => {
  it('moves exactly the accepted demand, never takes a tracked reject product below zero, and reports every unit short', () => {
    fc.assert(
      fc.property(
        fc.array(positionArb, { minLength: 3, maxLength: 3 }),
        fc.array(saleArb, { maxLength: 12 }),
        (start, sales) => {
          const positions = startingPositions(start);
          const verdicts = judgeSales(positions, sales);
          for (const [index, id] of PRODUCTS.entries()) {
            const before = start[index] as StockPosition;
            const after = positions.get(id) as StockPosition;
            const sold = sales
              .filter((_, i) => verdicts[i]?.accepted)
              .reduce((sum, sale) => sum + (demandOf(sale).get(id) ?? 0), 0);
            expect(after.onHand).toBe(before.onHand - sold);
            if (before.tracked && before.policy === 'reject')
              expect(after.onHand).toBeGreaterThanOrEqual(Math.min(before.onHand, 0));
            const short = verdicts.reduce(
              (sum, verdict) =>
                sum + (verdict.accepted ? (verdict.shortfalls.find((s) => s.productId === id)?.shortfall ?? 0) : 0),
              0,
            );
            const expected = before.tracked ? Math.max(0, -after.onHand) - Math.max(0, -before.onHand) : 0;
            expect(short).toBe(expected);
          }
          for (const [i, verdict] of verdicts.entries()) {
            if (verdict.accepted) continue;
            // Only a tracked reject product can refuse a sale.
            for (const shortage of verdict.shortages) {
              const index = PRODUCTS.indexOf(shortage.productId);
              expect(start[index]?.tracked && start[index]?.policy === 'reject').toBe(true);
              expect(shortage.requested).toBe(demandOf(sales[i] as { items: [] }).get(shortage.productId));
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses the second of two sales of the last unit under reject, and flags it under flag', () => {
    const [a] = PRODUCTS as [string];
    const lastUnit = (policy: 'flag' | 'reject') => new Map([[a, { onHand: 1, tracked: true, policy }]]);
    const sale = { items: [{ productId: a, quantity: 1 }] };
    expect(judgeSales(lastUnit('reject'), [sale, sale])).toEqual([
      { accepted: true, shortfalls: [] },
      { accepted: false, shortages: [{ productId: a, requested: 1, available: 0 }] },
    ]);
    expect(judgeSales(lastUnit('flag'), [sale, sale])).toEqual([
      { accepted: true, shortfalls: [] },
      { accepted: true, shortfalls: [{ productId: a, shortfall: 1 }] },
    ]);
  });

  it('treats a product it has never heard of as untracked at zero', () => {
    const positions = new Map<string, StockPosition>();
    const [verdict] = judgeSales(positions, [{ items: [{ productId: 'new', quantity: 2 }] }]);
    expect(verdict).toEqual({ accepted: true, shortfalls: [] });
    expect(positions.get('new')).toEqual({ onHand: -2, tracked: false, policy: 'flag' });
  });

  it('counts only the units below zero as short', () => {
    expect(shortfallOf(1, 3)).toBe(2);
    expect(shortfallOf(-2, 1)).toBe(1);
    expect(shortfallOf(5, 5)).toBe(0);
  });
});
