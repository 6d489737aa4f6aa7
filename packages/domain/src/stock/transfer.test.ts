import { describe, expect, it } from 'vitest';
import type { Batch } from './batches.js';
import { applyEntries } from './ledger.js';
import { dispatchTransfer, receiveTransfer, resolveMissingUnits, type Transfer } from './transfer.js';
import { receiveTransferSchema } from './transferSchemas.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PRODUCT = uuid(0xa);
const FROM = uuid(0xb1);
const TO = uuid(0xb2);
const TODAY = '2026-06-15';
const HEADER = { id: uuid(0x71), fromBranchId: FROM, toBranchId: TO };

function batch(n: number, expiresOn: string | null, onHand: number, branchId = FROM): Batch {
  return { id: uuid(n), productId: PRODUCT, branchId, lot: `L${n}`, expiresOn, onHand };
}

function dispatched(batches: Batch[], quantity: number, batchId?: string) {
  const result = dispatchTransfer(HEADER, batches, [{ productId: PRODUCT, quantity, batchId }], TODAY);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('dispatchTransfer (BT9)', () => {
  it('sends FEFO, skipping expired batches, one transfer_out per batch, in transit with lot and expiry', () => {
    const batches = [batch(1, '2026-06-14', 9), batch(2, '2026-08-01', 5), batch(3, '2026-07-01', 2)];
    const { transfer, entries } = dispatched(batches, 4);
    expect(transfer.status).toBe('in_transit');
    expect(transfer.lines).toEqual([
      { productId: PRODUCT, batchId: uuid(3), lot: 'L3', expiresOn: '2026-07-01', quantity: 2 },
      { productId: PRODUCT, batchId: uuid(2), lot: 'L2', expiresOn: '2026-08-01', quantity: 2 },
    ]);
    expect(entries.map((e) => [e.kind, e.branchId, e.batchId, e.delta, e.ref])).toEqual([
      ['transfer_out', FROM, uuid(3), -2, HEADER.id],
      ['transfer_out', FROM, uuid(2), -2, HEADER.id],
    ]);
  });

  it('refuses the whole transfer when a line is short, naming what is available', () => {
    const batches = [batch(1, '2026-06-14', 9), batch(2, '2026-08-01', 5)];
    const result = dispatchTransfer(
      HEADER,
      batches,
      [
        { productId: PRODUCT, quantity: 4 },
        { productId: PRODUCT, quantity: 3 },
      ],
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'INSUFFICIENT_STOCK',
      shortages: [{ productId: PRODUCT, requested: 3, available: 1 }],
    });
  });

  it('sends a named batch first, refuses an expired one, and never sends to its own branch', () => {
    const batches = [batch(1, '2026-06-14', 9), batch(2, '2026-08-01', 5), batch(3, '2026-07-01', 5)];
    expect(dispatched(batches, 2, uuid(2)).transfer.lines.map((l) => l.batchId)).toEqual([uuid(2)]);
    expect(dispatchTransfer(HEADER, batches, [{ productId: PRODUCT, quantity: 1, batchId: uuid(1) }], TODAY)).toEqual({
      ok: false,
      reason: 'BATCH_EXPIRED',
      batchId: uuid(1),
    });
    expect(dispatchTransfer({ ...HEADER, toBranchId: FROM }, batches, [], TODAY)).toMatchObject({
      ok: false,
      reason: 'SAME_BRANCH',
    });
  });
});

describe('units kept without a batch (TR1)', () => {
  it('sends what the batches do not cover from loose units, and they arrive without a batch', () => {
    const loose = new Map([[PRODUCT, 3]]);
    const sent = dispatchTransfer(
      HEADER,
      [batch(1, '2026-07-01', 2)],
      [{ productId: PRODUCT, quantity: 4 }],
      TODAY,
      loose,
    );
    if (!sent.ok) throw new Error(sent.reason);
    expect(sent.transfer.lines).toEqual([
      { productId: PRODUCT, batchId: uuid(1), lot: 'L1', expiresOn: '2026-07-01', quantity: 2 },
      { productId: PRODUCT, batchId: null, lot: null, expiresOn: null, quantity: 2 },
    ]);
    const short = dispatchTransfer(HEADER, [], [{ productId: PRODUCT, quantity: 4 }], TODAY, loose);
    expect(short).toMatchObject({ ok: false, reason: 'INSUFFICIENT_STOCK', shortages: [{ available: 3 }] });

    const arrived = receiveTransfer(sent.transfer, [2, 1], [], () => uuid(0x99));
    if (!arrived.ok) throw new Error(arrived.reason);
    expect(arrived.entries.map((e) => [e.batchId, e.delta])).toEqual([
      [uuid(0x99), 2],
      [null, 1],
    ]);
    expect(arrived.transfer.discrepancies).toEqual([expect.objectContaining({ line: 1, lot: null, missing: 1 })]);
  });
});

describe('receiveTransfer (BT9)', () => {
  const sent = dispatched([batch(2, '2026-08-01', 5), batch(3, '2026-07-01', 2)], 6).transfer;

  it('books what arrived into the destination batch of the same lot and expiry, creating it when missing', () => {
    const held = [{ ...batch(3, '2026-07-01', 1, TO), id: uuid(0x33) }];
    const result = receiveTransfer(sent, [2, 4], held, () => uuid(0x44));
    if (!result.ok) throw new Error(result.reason);
    expect(result.transfer.status).toBe('received');
    expect(result.transfer.discrepancies).toEqual([]);
    expect(result.created).toEqual([{ ...batch(2, '2026-08-01', 0, TO), id: uuid(0x44) }]);
    expect(
      applyEntries([...held, ...result.created], result.entries).map((b) => [b.lot, b.expiresOn, b.onHand]),
    ).toEqual([
      ['L3', '2026-07-01', 3],
      ['L2', '2026-08-01', 4],
    ]);
  });

  it('records the units that did not arrive as a discrepancy and books only what did', () => {
    const result = receiveTransfer(sent, [2, 1], [], () => uuid(0x44));
    if (!result.ok) throw new Error(result.reason);
    expect(result.transfer.status).toBe('received_with_discrepancy');
    expect(result.transfer.discrepancies).toEqual([
      { line: 1, productId: PRODUCT, lot: 'L2', expiresOn: '2026-08-01', sent: 4, received: 1, missing: 3 },
    ]);
    expect(result.entries.reduce((sum, e) => sum + e.delta, 0)).toBe(3);
  });

  it('refuses a second receipt, a count of the wrong lines, and more than was sent', () => {
    const received = receiveTransfer(sent, [2, 4], [], () => uuid(0x44)) as { transfer: Transfer };
    expect(receiveTransfer(received.transfer, [2, 4], [], () => uuid(0x45))).toMatchObject({
      reason: 'TRANSFER_NOT_IN_TRANSIT',
    });
    expect(receiveTransfer(sent, [2], [], () => uuid(0x45))).toMatchObject({ reason: 'RECEIVED_LINES_MISMATCH' });
    expect(receiveTransfer(sent, [3, 4], [], () => uuid(0x45))).toMatchObject({ reason: 'RECEIVED_MORE_THAN_SENT' });
    expect(receiveTransferSchema.safeParse({ transferId: HEADER.id, received: [-1] }).success).toBe(false);
  });
});

describe('resolveMissingUnits (TR5)', () => {
  const sent = dispatched([batch(2, '2026-08-01', 5), batch(3, '2026-07-01', 2)], 6).transfer;
  const short = receiveTransfer(sent, [2, 1], [], () => uuid(0x44)) as { transfer: Transfer };

  it('returned: the missing units go back into the source batch each line left; lost: nothing moves', () => {
    const back = resolveMissingUnits(short.transfer, 'returned');
    if (!back.ok) throw new Error(back.reason);
    expect(back.entries).toEqual([
      {
        kind: 'transfer_in',
        productId: PRODUCT,
        branchId: short.transfer.fromBranchId,
        batchId: short.transfer.lines[1]?.batchId,
        delta: 3,
        ref: short.transfer.id,
      },
    ]);
    expect(resolveMissingUnits(short.transfer, 'lost')).toEqual({ ok: true, entries: [] });
  });

  it('refuses a transfer that is not short: in transit, or received whole', () => {
    const whole = receiveTransfer(sent, [2, 4], [], () => uuid(0x45)) as { transfer: Transfer };
    expect(resolveMissingUnits(sent, 'lost')).toMatchObject({ ok: false, reason: 'TRANSFER_NOT_SHORT' });
    expect(resolveMissingUnits(whole.transfer, 'returned')).toMatchObject({ ok: false, reason: 'TRANSFER_NOT_SHORT' });
  });
});
