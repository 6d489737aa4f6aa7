import { describe, expect, it } from 'vitest';
import type { Batch } from './batches.js';
import {
  adjustBatch,
  countBatch,
  receiveBatch,
  refundEntries,
  saleEntries,
  writeOffExpired,
  type Received,
} from './batchMovements.js';
import { applyEntries, batchKey, ledgerEntrySchema, onHandFromLedger, productKey, type LedgerEntry } from './ledger.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PRODUCT = uuid(0xa);
const BRANCH = uuid(0xb);
const TODAY = '2026-06-15';

function batch(n: number, expiresOn: string | null, onHand: number, lot = `L${n}`): Batch {
  return { id: uuid(n), productId: PRODUCT, branchId: BRANCH, lot, expiresOn, onHand };
}

function entry(kind: LedgerEntry['kind'], delta: number, batchId: string | null = uuid(1)): LedgerEntry {
  return { kind, productId: PRODUCT, branchId: BRANCH, batchId, delta, ref: 'ref-1' };
}

describe('ledger entries (BT10)', () => {
  it('takes units by sales and transfers out, adds them by refunds, receipts and transfers in, either way by counts', () => {
    for (const [kind, delta, valid] of [
      ['sale', -2, true],
      ['sale', 2, false],
      ['transfer_out', -1, true],
      ['transfer_out', 1, false],
      ['refund', 1, true],
      ['refund', -1, false],
      ['receipt', 5, true],
      ['transfer_in', -5, false],
      ['count', -3, true],
      ['count', 3, true],
      ['count', 0, false],
    ] as const) {
      expect(ledgerEntrySchema.safeParse(entry(kind, delta)).success, `${kind} ${delta}`).toBe(valid);
    }
  });

  it('names a reason on adjustments, and only on them', () => {
    expect(ledgerEntrySchema.safeParse({ ...entry('adjustment', -1), reason: 'damaged' }).success).toBe(true);
    expect(ledgerEntrySchema.safeParse(entry('adjustment', -1)).success).toBe(false);
    expect(ledgerEntrySchema.safeParse({ ...entry('count', -1), reason: 'count' }).success).toBe(false);
  });

  it('folds entries into figures per batch and per product, with units of no batch under "-"', () => {
    const figures = onHandFromLedger([entry('receipt', 5), entry('sale', -7, uuid(1)), entry('sale', -2, null)]);
    expect(figures.byBatch.get(batchKey(BRANCH, PRODUCT, uuid(1)))).toBe(-2);
    expect(figures.byBatch.get(`${BRANCH}/${PRODUCT}/-`)).toBe(-2);
    expect(figures.byProduct.get(productKey(BRANCH, PRODUCT))).toBe(-4);
  });

  it('moves the materialized batches by their entries, leaves the input alone, and throws on a batch not there', () => {
    const batches = [batch(1, null, 5), batch(2, null, 1)];
    expect(applyEntries(batches, [entry('sale', -2), entry('sale', -4, null)])).toEqual([
      batch(1, null, 3),
      batch(2, null, 1),
    ]);
    expect(batches[0]?.onHand).toBe(5);
    expect(() => applyEntries(batches, [entry('sale', -1, uuid(3))])).toThrow(/batch/);
    expect(() => applyEntries(batches, [{ ...entry('sale', -1), branchId: uuid(0xc) }])).toThrow(/batch/);
  });
});

describe('movements of batched stock', () => {
  it('writes a kept sale per batch taken and its shortfall on no batch, and a refund likewise', () => {
    const place = { branchId: BRANCH, productId: PRODUCT, ref: 'sale-1' };
    expect(saleEntries(place, { allocations: [{ batchId: uuid(1), quantity: 2 }], shortfall: 1 })).toEqual([
      { ...entry('sale', -2), ref: 'sale-1' },
      { ...entry('sale', -1, null), ref: 'sale-1' },
    ]);
    expect(refundEntries({ ...place, ref: 'refund-1' }, { allocations: [], excess: 1 })).toEqual([
      { ...entry('refund', 1, null), ref: 'refund-1' },
    ]);
  });

  it('receives into a new batch, tops up the same lot, and refuses an expired lot or a lot with another expiry', () => {
    const input = { productId: PRODUCT, quantity: 4, lot: 'AB12', expiresOn: '2026-06-15' };
    const fresh = receiveBatch([], BRANCH, input, TODAY, uuid(7), 'grn-1') as Received;
    expect(fresh.created).toEqual({ ...batch(7, '2026-06-15', 0, 'AB12') });
    expect(fresh.entries).toEqual([{ ...entry('receipt', 4, uuid(7)), ref: 'grn-1' }]);

    const held = [batch(7, '2026-06-15', 4, 'AB12')];
    const topUp = receiveBatch(held, BRANCH, input, TODAY, uuid(8), 'grn-2') as Received;
    expect(topUp.created).toBeNull();
    expect(topUp.entries[0]?.batchId).toBe(uuid(7));
    expect(receiveBatch(held, BRANCH, { ...input, batchId: uuid(7) }, TODAY, uuid(8), 'grn-3').ok).toBe(true);

    expect(receiveBatch([], BRANCH, input, '2026-06-16', uuid(8), 'grn-4')).toEqual({
      ok: false,
      reason: 'BATCH_EXPIRED',
      batchId: null,
    });
    expect(receiveBatch(held, BRANCH, { ...input, expiresOn: '2026-07-01' }, TODAY, uuid(8), 'grn-5')).toEqual({
      ok: false,
      reason: 'LOT_EXPIRY_MISMATCH',
      batchId: uuid(7),
    });
    expect(receiveBatch(held, BRANCH, { ...input, batchId: uuid(9) }, TODAY, uuid(8), 'grn-6')).toMatchObject({
      reason: 'BATCH_UNKNOWN',
    });
    // Another branch's lot of the same number is not this branch's batch.
    const elsewhere = receiveBatch([{ ...held[0], branchId: uuid(0xc) } as Batch], BRANCH, input, TODAY, uuid(8), 'g');
    expect((elsewhere as Received).created?.id).toBe(uuid(8));
  });

  it('adjusts a batch with a reason but never below zero, and counts it to what is there', () => {
    const pack = batch(1, null, 3);
    expect(adjustBatch(pack, -3, 'damaged', 'adj-1')).toEqual({
      ok: true,
      entry: { ...entry('adjustment', -3), ref: 'adj-1', reason: 'damaged' },
    });
    expect(adjustBatch(pack, -4, 'theft', 'adj-2')).toEqual({
      ok: false,
      reason: 'BATCH_INSUFFICIENT',
      batchId: uuid(1),
    });
    expect(countBatch(pack, 1, 'count-1')).toEqual({ ...entry('count', -2), ref: 'count-1' });
    expect(countBatch(pack, 3, 'count-2')).toBeNull();
  });

  it('writes off the expired batches that still hold units', () => {
    const entries = writeOffExpired(
      [batch(1, '2026-06-14', 3), batch(2, TODAY, 2), batch(3, '2026-01-01', 0)],
      TODAY,
      'w',
    );
    expect(entries).toEqual([{ ...entry('adjustment', -3), ref: 'w', reason: 'expired' }]);
  });
});
