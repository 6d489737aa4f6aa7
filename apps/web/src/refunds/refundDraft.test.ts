import { describe, expect, it } from 'vitest';
import type { RefundSource } from '../db/refunds';
import { testSale } from '../testing/fixtures';
import { EMPTY_DRAFT, pick, pickAll, previewOf, requestOf } from './refundDraft';

const source: RefundSource = {
  deviceId: '7c1e2d3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  receiptNumber: '7C1E2D-1',
  sale: testSale({
    tenders: [
      { method: 'card', amount: 2000 },
      { method: 'cash', amount: 1798, tendered: 5000 },
    ],
    paymentMethod: 'split',
  }),
  earlier: [],
  ownShiftId: null,
};

describe('the refund draft', () => {
  it('keeps a line’s count between none and what is left', () => {
    expect(pick(EMPTY_DRAFT, 0, 5, 2).picks).toEqual({ 0: 2 });
    expect(pick(EMPTY_DRAFT, 0, -1, 2).picks).toEqual({ 0: 0 });
    expect(pick(EMPTY_DRAFT, 0, 1.7, 2).picks).toEqual({ 0: 1 });
    expect(pickAll(EMPTY_DRAFT, [2, 0]).picks).toEqual({ 0: 2, 1: 0 });
  });

  it('previews the money back by tender, card first, and nothing while nothing is picked', () => {
    expect(previewOf(EMPTY_DRAFT, source)).toBeNull();
    expect(previewOf(pick(EMPTY_DRAFT, 0, 1, 2), source)).toEqual({
      amount: 1899,
      tenders: [{ method: 'card', amount: 1899 }],
    });
    expect(previewOf(pickAll(EMPTY_DRAFT, [2]), source)?.tenders).toEqual([
      { method: 'card', amount: 2000 },
      { method: 'cash', amount: 1798 },
    ]);
    expect(previewOf({ ...pick(EMPTY_DRAFT, 0, 1, 2), destination: 'cash' }, source)?.tenders).toEqual([
      { method: 'cash', amount: 1899 },
    ]);
  });

  it('builds the request with only the lines picked, the shift and the time', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    const draft = { ...pick(pick(EMPTY_DRAFT, 0, 1, 2), 1, 0, 1), reason: 'Damaged', restock: false };
    expect(
      requestOf(draft, source, 'refund', { localId: 'refund_000000000001', shiftId: 'shift_1234567890', now }),
    ).toEqual({
      localId: 'refund_000000000001',
      sale: { deviceId: source.deviceId, localId: source.sale.localId },
      kind: 'refund',
      picks: [{ index: 0, quantity: 1 }],
      destination: 'original',
      restock: false,
      reason: 'Damaged',
      shiftId: 'shift_1234567890',
      createdAt: now.toISOString(),
    });
  });
});
