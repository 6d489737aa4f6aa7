import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PulledBatch } from '@opentill/domain';
import { testSession } from '../testing/fixtures';
import { adjustStock, writeOffBatch } from './adjustments';
import { batchesWithStock, expiredUnitsToday, takePulledBatches } from './batches';
import { batchesOfProduct } from './batchList';
import { InvalidRecordError } from './errors';
import { pendingOperations } from './outbox';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';

const PRODUCT = '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11';

function pulled(lot: string, expiresOn: string | null, onHand: number): PulledBatch {
  return { id: crypto.randomUUID(), productId: PRODUCT, lot, expiresOn, onHand };
}

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

describe('adjusting stock on the phone', () => {
  it('queues an adjustment with its reason and note, offline, in the critical lane', async () => {
    await adjustStock({ productId: PRODUCT, delta: -2, reason: 'damaged', note: 'Dropped crate' });
    const [operation] = await pendingOperations(50);
    expect(operation).toMatchObject({
      lane: 'critical',
      type: 'ADJUST_STOCK',
      data: { productId: PRODUCT, delta: -2, reason: 'damaged', note: 'Dropped crate' },
    });
  });

  it('refuses, writing nothing, a move of no units or more than the batch holds', async () => {
    const batch = pulled('L1', '2099-01-31', 3);
    await takePulledBatches([batch]);
    await expect(adjustStock({ productId: PRODUCT, delta: 0, reason: 'correction' })).rejects.toThrow(
      InvalidRecordError,
    );
    await expect(adjustStock({ productId: PRODUCT, delta: -4, reason: 'theft', batchId: batch.id })).rejects.toThrow(
      'The batch does not hold that many units.',
    );
    await expect(
      adjustStock({ productId: PRODUCT, delta: -1, reason: 'theft', batchId: crypto.randomUUID() }),
    ).rejects.toThrow(InvalidRecordError);
    expect(await pendingOperations(50)).toEqual([]);
  });

  it('BT2: an expired lot written off leaves the list, the alerts and the till’s expiry check at once', async () => {
    const expired = pulled('OLD', '2001-01-31', 3);
    const fresh = pulled('NEW', '2099-01-31', 2);
    await takePulledBatches([expired, fresh]);
    expect(await expiredUnitsToday()).toEqual(new Map([[PRODUCT, 3]]));

    await writeOffBatch(expired);
    const [operation] = await pendingOperations(50);
    expect(operation?.data).toEqual({ productId: PRODUCT, delta: -3, reason: 'expired', batchId: expired.id });
    expect(await expiredUnitsToday()).toEqual(new Map());
    expect((await batchesWithStock()).map((batch) => batch.lot)).toEqual(['NEW']);
    expect((await batchesOfProduct(PRODUCT)).map((batch) => [batch.lot, batch.onHand])).toEqual([
      ['OLD', 0],
      ['NEW', 2],
    ]);
    // Written off once: a second write-off of the same units is refused.
    await expect(writeOffBatch(expired)).rejects.toThrow('The batch does not hold that many units.');
  });
});
