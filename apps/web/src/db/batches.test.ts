import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PulledBatch } from '@opentill/domain';
import { batchesWithStock, takePulledBatches } from './batches';
import { resetLocalDatabase } from './testing';

const PRODUCT = '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11';

function pulled(lot: string, expiresOn: string | null, onHand: number): PulledBatch {
  return { id: crypto.randomUUID(), productId: PRODUCT, lot, expiresOn, onHand };
}

beforeEach(async () => {
  await resetLocalDatabase();
});

describe('batchesWithStock (SPEC AL6)', () => {
  it('reads the pulled batches that hold units: expired, expiring or without an expiry', async () => {
    const held = [pulled('OLD', '2001-01-31', 3), pulled('NEW', '2099-01-31', 2), pulled('SOAP', null, 7)];
    await takePulledBatches([...held, pulled('EMPTY', '2099-02-28', 0)]);
    const lots = (await batchesWithStock()).map((batch) => batch.lot).sort();
    expect(lots).toEqual(['NEW', 'OLD', 'SOAP']);
  });

  it('follows a pull live: a new lot comes in, one sold out goes', async () => {
    const first = pulled('L1', '2099-01-31', 2);
    await takePulledBatches([first]);
    const seen: string[][] = [];
    const subscription = liveQuery(batchesWithStock).subscribe((batches) =>
      seen.push(batches.map((batch) => batch.lot).sort()),
    );
    await expect.poll(() => seen.at(-1)).toEqual(['L1']);
    await takePulledBatches([pulled('L2', '2099-03-31', 5)]);
    await expect.poll(() => seen.at(-1)).toEqual(['L1', 'L2']);
    await takePulledBatches([{ ...first, onHand: 0 }]);
    await expect.poll(() => seen.at(-1)).toEqual(['L2']);
    subscription.unsubscribe();
  });
});
