import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesOf, type Batch, type BatchRefusal } from './batches.js';
import { addCalendarDays, expiredOnHand, isExpired, sellableOnHand } from './expiry.js';
import {
  adjustBatch,
  countBatch,
  receiveBatch,
  refundEntries,
  saleEntries,
  writeOffExpired,
} from './batchMovements.js';
import { allocateFefo, returnToBatches, type Allocation } from './fefo.js';
import { applyEntries, batchKey, ledgerEntrySchema, onHandFromLedger, productKey, type LedgerEntry } from './ledger.js';
import { ADJUSTMENT_REASONS } from './stock.js';
import { dispatchTransfer, receiveTransfer, type Transfer } from './transfer.js';

/**
 * The stock model as a whole (BT1–BT10): random catalogues of batches at
 * several branches, random sequences of sales, refunds, receipts, adjustments,
 * counts, write-offs, transfers and days passing, applied through the domain
 * functions. After every step the ledger and the units must add up.
 * FEFO_RUNS=5000 raises the runs.
 */
const RUNS = Number(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FEFO_RUNS ?? 200,
);

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const BRANCHES = [uuid(0xb1), uuid(0xb2), uuid(0xb3)];
const PRODUCTS = [uuid(0xa1), uuid(0xa2)];
const LOTS = ['A', 'B', 'C', 'D'];
const START = '2026-06-15';

type Op =
  | { type: 'sale'; branch: number; product: number; quantity: number; pin: number | null; reject: boolean }
  | { type: 'refund'; sale: number; quantity: number; lotRead: number | null }
  | {
      type: 'receipt';
      branch: number;
      product: number;
      quantity: number;
      lot: number;
      offset: number | null;
      sameExpiry: boolean;
    }
  | { type: 'adjust'; batch: number; delta: number; reason: (typeof ADJUSTMENT_REASONS)[number] }
  | { type: 'count'; batch: number; counted: number }
  | { type: 'writeOff'; branch: number }
  | { type: 'dispatch'; from: number; to: number; product: number; quantity: number; pin: number | null }
  | { type: 'receive'; transfer: number; missing: number[] }
  | { type: 'tick'; days: number };

const index = fc.nat(99);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('sale' as const),
      branch: index,
      product: index,
      quantity: fc.integer({ min: 1, max: 8 }),
      pin: fc.option(index, { freq: 3 }),
      reject: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('refund' as const),
      sale: index,
      quantity: fc.integer({ min: 1, max: 8 }),
      lotRead: fc.option(index),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('receipt' as const),
      branch: index,
      product: index,
      quantity: fc.integer({ min: 1, max: 12 }),
      lot: index,
      offset: fc.option(fc.integer({ min: -2, max: 20 }), { freq: 5 }),
      sameExpiry: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('adjust' as const),
      batch: index,
      delta: fc.integer({ min: -6, max: 6 }).filter((delta) => delta !== 0),
      reason: fc.constantFrom(...ADJUSTMENT_REASONS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('count' as const), batch: index, counted: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('writeOff' as const), branch: index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('dispatch' as const),
      from: index,
      to: index,
      product: index,
      quantity: fc.integer({ min: 1, max: 4 }),
      pin: fc.option(index, { freq: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('receive' as const),
      transfer: index,
      // Mostly everything arrives; sometimes a unit or more goes missing.
      missing: fc.array(fc.constantFrom(0, 0, 0, 1, 2, 9), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('tick' as const), days: fc.nat(2) }) },
);

const catalogueArb = fc.uniqueArray(
  fc.record({
    branch: fc.nat(BRANCHES.length - 1),
    product: fc.nat(PRODUCTS.length - 1),
    lot: fc.nat(LOTS.length - 1),
    offset: fc.option(fc.integer({ min: -6, max: 6 }), { freq: 4 }),
    onHand: fc.nat(8),
  }),
  { selector: (spec) => `${spec.branch}/${spec.product}/${spec.lot}`, minLength: 2, maxLength: 12, size: 'max' },
);

interface RecordedSale {
  branchId: string;
  productId: string;
  quantity: number;
  taken: Allocation[];
  shortfall: number;
  returned: Allocation[];
  returnedUnbatched: number;
  refunded: number;
}

interface Model {
  today: string;
  batches: Batch[];
  ledger: LedgerEntry[];
  transfers: Transfer[];
  sales: RecordedSale[];
  /** Received − sold + refunded ± adjustments and counts, from the operations' own quantities. */
  expected: number;
  nextId: number;
}

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];
const newId = (model: Model) => uuid(0x1000 + model.nextId++);
const expiryRank = (b: Batch) => b.expiresOn ?? '9999-99-99';

function commit(model: Model, entries: readonly LedgerEntry[], created: readonly Batch[] = []) {
  for (const entry of entries) ledgerEntrySchema.parse(entry);
  model.batches = applyEntries([...model.batches, ...created], entries);
  model.ledger.push(...entries);
}

type CatalogueSpec = { branch: number; product: number; lot: number; offset: number | null; onHand: number };

/** Opening stock: each batch's units arrive by a receipt entry, so the ledger holds them from the start. */
function openModel(specs: readonly CatalogueSpec[]): Model {
  const model: Model = { today: START, batches: [], ledger: [], transfers: [], sales: [], expected: 0, nextId: 0 };
  for (const spec of specs) {
    const batch: Batch = {
      id: newId(model),
      branchId: BRANCHES[spec.branch] as string,
      productId: PRODUCTS[spec.product] as string,
      lot: LOTS[spec.lot] as string,
      expiresOn: spec.offset === null ? null : addCalendarDays(START, spec.offset),
      onHand: 0,
    };
    const { branchId, productId, id: batchId } = batch;
    const opening: LedgerEntry[] =
      spec.onHand > 0 ? [{ kind: 'receipt', branchId, productId, batchId, delta: spec.onHand, ref: 'opening' }] : [];
    commit(model, opening, [batch]);
    model.expected += spec.onHand;
  }
  return model;
}

/** FEFO (BT3): a batch left with sellable stock expires no earlier than any batch taken from, the pinned one aside. */
function expectFefo(here: readonly Batch[], taken: readonly Allocation[], today: string, pinnedId?: string) {
  const takenFrom = (id: string) => taken.filter((a) => a.batchId === id).reduce((sum, a) => sum + a.quantity, 0);
  for (const allocation of taken) {
    const from = here.find((b) => b.id === allocation.batchId);
    expect(from, 'takes only from batches of this product at this branch').toBeDefined();
    expect(isExpired(from as Batch, today), 'never an expired batch').toBe(false);
    expect(takenFrom(allocation.batchId)).toBeLessThanOrEqual((from as Batch).onHand);
  }
  for (const skipped of here) {
    if (isExpired(skipped, today) || takenFrom(skipped.id) >= skipped.onHand) continue;
    for (const { batchId } of taken) {
      if (batchId === pinnedId) continue;
      expect(
        expiryRank(here.find((b) => b.id === batchId) as Batch) <= expiryRank(skipped),
        'earliest expiry first',
      ).toBe(true);
    }
  }
}

function expectRefused(result: { ok: boolean }, reason: string) {
  expect(result.ok).toBe(false);
  expect((result as BatchRefusal).reason).toBe(reason);
}

function step(model: Model, op: Op) {
  const { today } = model;
  switch (op.type) {
    case 'sale': {
      const branchId = pick(BRANCHES, op.branch) as string;
      const productId = pick(PRODUCTS, op.product) as string;
      const here = batchesOf(model.batches, branchId, productId);
      const pinned = op.pin === null ? undefined : pick(here, op.pin);
      const result = allocateFefo(here, op.quantity, today, pinned ? { pinnedBatchId: pinned.id } : {});
      if (pinned && isExpired(pinned, today)) return expectRefused(result, 'BATCH_EXPIRED');
      if (!result.ok) throw new Error(`sale refused: ${result.reason}`);
      expectFefo(here, result.allocations, today, pinned?.id);
      expect(result.shortfall).toBe(Math.max(0, op.quantity - sellableOnHand(here, today)));
      if (op.reject && result.shortfall > 0) return; // ST3: refused whole, nothing moves
      commit(model, saleEntries({ branchId, productId, ref: newId(model) }, result));
      model.expected -= op.quantity;
      model.sales.push({
        branchId,
        productId,
        quantity: op.quantity,
        taken: result.allocations,
        shortfall: result.shortfall,
        returned: [],
        returnedUnbatched: 0,
        refunded: 0,
      });
      return;
    }
    case 'refund': {
      const sale = pick(model.sales, op.sale);
      if (!sale || sale.refunded === sale.quantity) return;
      const quantity = Math.min(op.quantity, sale.quantity - sale.refunded);
      const lot = op.lotRead === null ? undefined : pick(sale.taken, op.lotRead)?.batchId;
      const result = returnToBatches(sale.taken, quantity, { returnedBefore: sale.returned, batchId: lot });
      if (!result.ok) throw new Error(`refund refused: ${result.reason}`);
      for (const { batchId } of result.allocations) {
        const back = [...sale.returned, ...result.allocations].filter((a) => a.batchId === batchId);
        const took = sale.taken.filter((a) => a.batchId === batchId);
        const sum = (list: Allocation[]) => list.reduce((total, a) => total + a.quantity, 0);
        expect(took.length, 'only into batches the sale took from').toBeGreaterThan(0);
        expect(sum(back)).toBeLessThanOrEqual(sum(took));
      }
      expect(result.excess).toBeLessThanOrEqual(sale.shortfall - sale.returnedUnbatched);
      commit(model, refundEntries({ branchId: sale.branchId, productId: sale.productId, ref: newId(model) }, result));
      model.expected += quantity;
      sale.refunded += quantity;
      sale.returned.push(...result.allocations);
      sale.returnedUnbatched += result.excess;
      return;
    }
    case 'receipt': {
      const branchId = pick(BRANCHES, op.branch) as string;
      const productId = pick(PRODUCTS, op.product) as string;
      const lot = pick(LOTS, op.lot) as string;
      const sameLot = batchesOf(model.batches, branchId, productId).filter((b) => b.lot === lot);
      const held = sameLot[0];
      const typed = op.offset === null ? null : addCalendarDays(today, op.offset);
      const expiresOn = op.sameExpiry && held ? held.expiresOn : typed;
      const input = { productId, quantity: op.quantity, lot, expiresOn };
      const result = receiveBatch(model.batches, branchId, input, today, newId(model), newId(model));
      if (isExpired({ expiresOn }, today)) return expectRefused(result, 'BATCH_EXPIRED');
      // A lot has one expiry (a transfer may still have brought the same lot with another one).
      const topped = sameLot.find((b) => b.expiresOn === expiresOn);
      if (held && !topped) return expectRefused(result, 'LOT_EXPIRY_MISMATCH');
      if (!result.ok) throw new Error(`receipt refused: ${result.reason}`);
      expect(result.entries[0]?.batchId).toBe(topped?.id ?? result.created?.id);
      expect(result.created === null).toBe(topped !== undefined);
      commit(model, result.entries, result.created ? [result.created] : []);
      model.expected += op.quantity;
      return;
    }
    case 'adjust': {
      const batch = pick(model.batches, op.batch);
      if (!batch) return;
      const result = adjustBatch(batch, op.delta, op.reason, newId(model));
      if (batch.onHand + op.delta < 0) return expectRefused(result, 'BATCH_INSUFFICIENT');
      if (!result.ok) throw new Error(`adjustment refused: ${result.reason}`);
      commit(model, [result.entry]);
      model.expected += op.delta;
      return;
    }
    case 'count': {
      const batch = pick(model.batches, op.batch);
      if (!batch) return;
      const entry = countBatch(batch, op.counted, newId(model));
      if (entry) commit(model, [entry]);
      model.expected += op.counted - batch.onHand;
      expect(model.batches.find((b) => b.id === batch.id)?.onHand).toBe(op.counted);
      return;
    }
    case 'writeOff': {
      const branchId = pick(BRANCHES, op.branch) as string;
      const entries = writeOffExpired(
        model.batches.filter((b) => b.branchId === branchId),
        today,
        newId(model),
      );
      commit(model, entries);
      model.expected += entries.reduce((sum, entry) => sum + entry.delta, 0);
      expect(
        expiredOnHand(
          model.batches.filter((b) => b.branchId === branchId),
          today,
        ),
      ).toBe(0);
      return;
    }
    case 'dispatch': {
      const fromBranchId = pick(BRANCHES, op.from) as string;
      const toBranchId = BRANCHES[(BRANCHES.indexOf(fromBranchId) + 1 + (op.to % 2)) % BRANCHES.length] as string;
      const productId = pick(PRODUCTS, op.product) as string;
      const here = batchesOf(model.batches, fromBranchId, productId);
      const pinned = op.pin === null ? undefined : pick(here, op.pin);
      const header = { id: newId(model), fromBranchId, toBranchId };
      const line = { productId, quantity: op.quantity, batchId: pinned?.id };
      const result = dispatchTransfer(header, model.batches, [line], today);
      if (pinned && isExpired(pinned, today)) return expectRefused(result, 'BATCH_EXPIRED');
      if (sellableOnHand(here, today) < op.quantity) return expectRefused(result, 'INSUFFICIENT_STOCK');
      if (!result.ok) throw new Error(`dispatch refused: ${result.reason}`);
      const sent = result.transfer.lines;
      // The model keeps every unit in a batch: a transfer line without one would be a bug here.
      const allocations = sent.map(({ batchId, quantity }) => ({ batchId: batchId ?? 'no batch', quantity }));
      expectFefo(here, allocations, today, pinned?.id);
      expect(sent.reduce((sum, l) => sum + l.quantity, 0)).toBe(op.quantity);
      for (const l of sent)
        expect(here.find((b) => b.id === l.batchId)).toMatchObject({ lot: l.lot, expiresOn: l.expiresOn });
      commit(model, result.entries);
      model.transfers.push(result.transfer);
      return;
    }
    case 'receive': {
      const transfer = pick(model.transfers, op.transfer);
      if (!transfer) return;
      const received = transfer.lines.map(
        (l, i) => l.quantity - Math.min(l.quantity, op.missing[i % op.missing.length] ?? 0),
      );
      const result = receiveTransfer(transfer, received, model.batches, () => newId(model));
      if (transfer.status !== 'in_transit') return expectRefused(result, 'TRANSFER_NOT_IN_TRANSIT');
      if (!result.ok) throw new Error(`receipt of transfer refused: ${result.reason}`);
      for (const [i, l] of transfer.lines.entries()) {
        const into = result.entries.filter((e) => e.productId === l.productId);
        expect(into.every((e) => e.branchId === transfer.toBranchId)).toBe(true);
        const missing = result.transfer.discrepancies.find((d) => d.line === i)?.missing ?? 0;
        expect(missing).toBe(l.quantity - (received[i] ?? 0));
      }
      commit(model, result.entries, result.created);
      for (const e of result.entries) {
        const line = transfer.lines.find((l) => l.productId === e.productId);
        const batch = model.batches.find((b) => b.id === e.batchId) as Batch;
        expect(transfer.lines.some((l) => l.lot === batch.lot && l.expiresOn === batch.expiresOn)).toBe(true);
        expect(line).toBeDefined();
      }
      model.transfers[model.transfers.indexOf(transfer)] = result.transfer;
      return;
    }
    case 'tick':
      model.today = addCalendarDays(today, op.days);
      return;
  }
}

function expectInvariants(model: Model) {
  const { byBatch, byProduct } = onHandFromLedger(model.ledger);
  // No batch ever goes below zero: a sale's shortfall is reported, not taken from a batch.
  for (const batch of model.batches) expect(batch.onHand).toBeGreaterThanOrEqual(0);
  // Ledger invariant: every materialized figure is the sum of its entries, per batch and per product.
  for (const batch of model.batches) {
    expect(byBatch.get(batchKey(batch.branchId, batch.productId, batch.id)) ?? 0).toBe(batch.onHand);
  }
  for (const branchId of BRANCHES) {
    for (const productId of PRODUCTS) {
      const batched = batchesOf(model.batches, branchId, productId).reduce((sum, b) => sum + b.onHand, 0);
      const unbatched = byBatch.get(batchKey(branchId, productId, null)) ?? 0;
      expect(byProduct.get(productKey(branchId, productId)) ?? 0).toBe(batched + unbatched);
    }
  }
  const zeroed = model.batches.map((b) => ({ ...b, onHand: 0 }));
  expect(applyEntries(zeroed, model.ledger)).toEqual(model.batches);
  // Conservation: what is on the shelves, on the road and missing is what came in less what went out.
  const onShelves = model.batches.reduce((sum, b) => sum + b.onHand, 0);
  const unbatched = [...byBatch].filter(([key]) => key.endsWith('/-')).reduce((sum, [, units]) => sum + units, 0);
  const inTransit = model.transfers
    .filter((t) => t.status === 'in_transit')
    .reduce((sum, t) => sum + t.lines.reduce((units, l) => units + l.quantity, 0), 0);
  const missing = model.transfers.reduce(
    (sum, t) => sum + t.discrepancies.reduce((units, d) => units + d.missing, 0),
    0,
  );
  expect(onShelves + unbatched + inTransit + missing).toBe(model.expected);
}

describe('the stock ledger under any sequence of movements (BT1–BT10)', () => {
  // About 5 ms a run: the timeout grows when FEFO_RUNS raises the runs.
  it(
    'never sells expired stock, sells first-expiry-first-out, conserves units and keeps every figure equal to its ledger',
    () => {
      fc.assert(
        fc.property(catalogueArb, fc.array(opArb, { minLength: 10, maxLength: 40, size: 'max' }), (catalogue, ops) => {
          const model = openModel(catalogue);
          expectInvariants(model);
          for (const op of ops) {
            step(model, op);
            expectInvariants(model);
          }
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(10_000, RUNS * 50),
  );
});
