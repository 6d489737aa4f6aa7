import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Batch } from './batches.js';
import { addCalendarDays, isExpired } from './expiry.js';
import { allocateFefo, returnToBatches, type Allocation, type FefoResult } from './fefo.js';

/** FEFO_RUNS=5000 npx vitest run ... raises the runs of every property here. */
const RUNS = Number(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FEFO_RUNS ?? 200,
);

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PRODUCT = uuid(0xa);
const BRANCH = uuid(0xb);
const TODAY = '2026-06-15';

function batch(n: number, expiresOn: string | null, onHand: number, lot = `L${n}`): Batch {
  return { id: uuid(n), productId: PRODUCT, branchId: BRANCH, lot, expiresOn, onHand };
}

function allocated(result: ReturnType<typeof allocateFefo>): FefoResult {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

/** Expiry as a number for "expires no later than": no expiry is the latest of all. */
const expiryRank = (b: Batch) => b.expiresOn ?? '9999-99-99';

// Few lots and a narrow window around today, so ties, expiry-day batches and expired ones are common.
const batchesArb = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }).chain((ids) =>
  fc
    .tuple(
      ...ids.map(() =>
        fc.record({
          offset: fc.option(fc.integer({ min: -4, max: 4 }), { freq: 4 }),
          onHand: fc.integer({ min: 0, max: 10 }),
          lot: fc.constantFrom('A', 'B', 'C'),
        }),
      ),
    )
    .map((specs) =>
      specs.map((spec, i) =>
        batch(
          ids[i] as number,
          spec.offset === null ? null : addCalendarDays(TODAY, spec.offset),
          spec.onHand,
          spec.lot,
        ),
      ),
    ),
);

function takenFrom(allocations: readonly Allocation[], id: string): number {
  return allocations.filter((a) => a.batchId === id).reduce((sum, a) => sum + a.quantity, 0);
}

describe('allocateFefo (BT3, BT5, BT6)', () => {
  it('never takes from an expired batch, never below zero, and reports what sellable stock cannot cover', () => {
    fc.assert(
      fc.property(batchesArb, fc.integer({ min: 0, max: 60 }), (batches, quantity) => {
        const { allocations, shortfall } = allocated(allocateFefo(batches, quantity, TODAY));
        const byId = new Map(batches.map((b) => [b.id, b]));
        const sellable = batches.filter((b) => !isExpired(b, TODAY)).reduce((sum, b) => sum + b.onHand, 0);
        for (const { batchId, quantity: units } of allocations) {
          const from = byId.get(batchId) as Batch;
          expect(isExpired(from, TODAY)).toBe(false);
          expect(units).toBeGreaterThan(0);
          expect(takenFrom(allocations, batchId)).toBeLessThanOrEqual(from.onHand);
        }
        expect(new Set(allocations.map((a) => a.batchId)).size).toBe(allocations.length);
        expect(allocations.reduce((sum, a) => sum + a.quantity, 0) + shortfall).toBe(quantity);
        expect(shortfall).toBe(Math.max(0, quantity - sellable));
      }),
      { numRuns: RUNS },
    );
  });

  it('takes the earliest expiry first: a batch left with stock expires no earlier than any batch taken from', () => {
    fc.assert(
      fc.property(batchesArb, fc.integer({ min: 1, max: 60 }), (batches, quantity) => {
        const { allocations } = allocated(allocateFefo(batches, quantity, TODAY));
        for (const skipped of batches) {
          if (isExpired(skipped, TODAY) || takenFrom(allocations, skipped.id) >= skipped.onHand) continue;
          for (const { batchId } of allocations) {
            expect(expiryRank(batches.find((b) => b.id === batchId) as Batch) <= expiryRank(skipped)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same allocation whatever order the batches come in (every device picks the same batch)', () => {
    fc.assert(
      fc.property(
        batchesArb.chain((batches) =>
          fc.tuple(fc.constant(batches), fc.shuffledSubarray(batches, { minLength: batches.length })),
        ),
        fc.integer({ min: 0, max: 60 }),
        ([batches, shuffled], quantity) => {
          expect(allocateFefo(shuffled, quantity, TODAY)).toEqual(allocateFefo(batches, quantity, TODAY));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('takes a pinned batch first and FEFO for the rest, and refuses a pinned batch that has expired', () => {
    fc.assert(
      fc.property(
        batchesArb.filter((batches) => batches.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 60 }),
        (batches, pick, quantity) => {
          const pinned = batches[pick % batches.length] as Batch;
          const result = allocateFefo(batches, quantity, TODAY, { pinnedBatchId: pinned.id });
          if (isExpired(pinned, TODAY)) {
            expect(result).toEqual({ ok: false, reason: 'BATCH_EXPIRED', batchId: pinned.id });
            return;
          }
          const { allocations, shortfall } = allocated(result);
          expect(takenFrom(allocations, pinned.id)).toBe(Math.min(quantity, pinned.onHand));
          if (pinned.onHand > 0) expect(allocations[0]?.batchId).toBe(pinned.id);
          const others = batches.filter((b) => b.id !== pinned.id);
          const rest = allocated(allocateFefo(others, quantity - Math.min(quantity, pinned.onHand), TODAY));
          expect(allocations.filter((a) => a.batchId !== pinned.id)).toEqual(rest.allocations);
          expect(shortfall).toBe(rest.shortfall);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('sells a batch on its expiry day, before one expiring later', () => {
    const batches = [batch(1, '2026-06-16', 5), batch(2, TODAY, 2)];
    expect(allocateFefo(batches, 3, TODAY)).toEqual({
      ok: true,
      allocations: [
        { batchId: uuid(2), quantity: 2 },
        { batchId: uuid(1), quantity: 1 },
      ],
      shortfall: 0,
    });
  });

  it('sells nothing when every batch has expired: the whole quantity is short', () => {
    const batches = [batch(1, '2026-06-14', 5), batch(2, '2026-01-01', 2)];
    expect(allocateFefo(batches, 3, TODAY)).toEqual({ ok: true, allocations: [], shortfall: 3 });
  });

  it('takes goods without expiry last, and breaks an expiry tie by lot, then id', () => {
    const batches = [
      batch(1, null, 9, 'A'),
      batch(3, '2026-07-01', 1, 'B'),
      batch(2, '2026-07-01', 1, 'B'),
      batch(4, '2026-07-01', 1, 'Z'),
    ];
    expect(allocated(allocateFefo(batches, 5, TODAY)).allocations.map((a) => a.batchId)).toEqual([
      uuid(2),
      uuid(3),
      uuid(4),
      uuid(1),
    ]);
  });

  it('refuses a pinned batch that expired yesterday, or one not of this product at this branch', () => {
    const batches = [batch(1, '2026-06-14', 5), batch(2, '2026-09-01', 5)];
    expect(allocateFefo(batches, 1, TODAY, { pinnedBatchId: uuid(1) })).toEqual({
      ok: false,
      reason: 'BATCH_EXPIRED',
      batchId: uuid(1),
    });
    expect(allocateFefo(batches, 1, TODAY, { pinnedBatchId: uuid(9) })).toEqual({
      ok: false,
      reason: 'BATCH_UNKNOWN',
      batchId: uuid(9),
    });
  });

  it('takes a pinned later-expiring batch before an earlier one, then FEFO when it runs out', () => {
    const batches = [batch(1, '2026-07-01', 5), batch(2, '2026-09-01', 2), batch(3, '2026-08-01', 5)];
    expect(allocated(allocateFefo(batches, 4, TODAY, { pinnedBatchId: uuid(2) })).allocations).toEqual([
      { batchId: uuid(2), quantity: 2 },
      { batchId: uuid(1), quantity: 2 },
    ]);
  });
});

const takenArb = fc.array(
  fc.record({ batchId: fc.constantFrom(uuid(1), uuid(2), uuid(3), uuid(4)), quantity: fc.integer({ min: 1, max: 6 }) }),
  { maxLength: 4 },
);

describe('returnToBatches (BT7)', () => {
  it('restocks only batches the sale took from, never more than it took, and the rest as excess', () => {
    fc.assert(
      fc.property(
        takenArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (taken, first, second) => {
          const before = returnToBatches(taken, first);
          if (!before.ok) throw new Error(before.reason);
          const now = returnToBatches(taken, second, { returnedBefore: before.allocations });
          if (!now.ok) throw new Error(now.reason);
          const total = taken.reduce((sum, a) => sum + a.quantity, 0);
          for (const { batchId } of now.allocations) {
            expect(taken.some((a) => a.batchId === batchId)).toBe(true);
            expect(takenFrom(before.allocations, batchId) + takenFrom(now.allocations, batchId)).toBeLessThanOrEqual(
              takenFrom(taken, batchId),
            );
          }
          const back = (r: { allocations: Allocation[] }) => r.allocations.reduce((sum, a) => sum + a.quantity, 0);
          expect(back(now) + now.excess).toBe(second);
          expect(now.excess).toBe(Math.max(0, second - (total - back(before))));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('returns to the batches in the order the sale took them (earliest expiry first), or the lot read off the pack', () => {
    const taken = [
      { batchId: uuid(1), quantity: 2 },
      { batchId: uuid(2), quantity: 3 },
    ];
    expect(returnToBatches(taken, 3)).toEqual({
      ok: true,
      allocations: [
        { batchId: uuid(1), quantity: 2 },
        { batchId: uuid(2), quantity: 1 },
      ],
      excess: 0,
    });
    expect(returnToBatches(taken, 4, { batchId: uuid(2) })).toEqual({
      ok: true,
      allocations: [
        { batchId: uuid(2), quantity: 3 },
        { batchId: uuid(1), quantity: 1 },
      ],
      excess: 0,
    });
    expect(returnToBatches(taken, 1, { batchId: uuid(3) })).toEqual({
      ok: false,
      reason: 'BATCH_NOT_IN_SALE',
      batchId: uuid(3),
    });
  });

  it('skips what earlier refunds returned, and sends units the sale took from no batch back as excess', () => {
    const taken = [{ batchId: uuid(1), quantity: 2 }];
    expect(returnToBatches(taken, 3, { returnedBefore: [{ batchId: uuid(1), quantity: 1 }] })).toEqual({
      ok: true,
      allocations: [{ batchId: uuid(1), quantity: 1 }],
      excess: 2,
    });
  });
});
