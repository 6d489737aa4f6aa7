import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { pendingOperations } from './outbox';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';
import { receiveTransfer, resolveTransfer, sendTransfer, transfersBeingSettled } from './transfers';
import { testSession } from '../testing/fixtures';

const PRODUCT_ID = '0b7a4e4e-3c5d-4d8f-9a61-2f2f7b1c9d01';
const BRANCH_ID = '5e0c1f7a-8b9d-4c2e-a3f4-6d7e8f9a0b1c';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

describe('transfers on the phone (TR1, TR2)', () => {
  it('queues a transfer with an id of its own, and a receipt that hides it from the incoming list', async () => {
    const id = await sendTransfer(BRANCH_ID, [{ productId: PRODUCT_ID, quantity: 3 }]);
    await receiveTransfer(id, [2]);
    expect((await pendingOperations(50)).map(({ lane, type, data }) => ({ lane, type, data }))).toEqual([
      {
        lane: 'critical',
        type: 'DISPATCH_TRANSFER',
        data: { id, toBranchId: BRANCH_ID, lines: [{ productId: PRODUCT_ID, quantity: 3 }] },
      },
      { lane: 'critical', type: 'RECEIVE_TRANSFER', data: { transferId: id, received: [2] } },
    ]);
    expect(await transfersBeingSettled()).toEqual(new Set([id]));
  });

  it('TR5: queues what became of a transfer’s missing units, which then shows as settled', async () => {
    const id = crypto.randomUUID();
    await resolveTransfer(id, 'returned');
    const [operation] = await pendingOperations(50);
    expect(operation).toMatchObject({
      lane: 'critical',
      type: 'RESOLVE_TRANSFER',
      data: { transferId: id, resolution: 'returned' },
    });
    expect(await transfersBeingSettled()).toEqual(new Set([id]));
  });

  it('queues nothing for a transfer without lines or with a bad quantity', async () => {
    await expect(sendTransfer(BRANCH_ID, [])).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(sendTransfer(BRANCH_ID, [{ productId: PRODUCT_ID, quantity: 0 }])).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    await expect(receiveTransfer(crypto.randomUUID(), [-1])).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.outbox.count()).toBe(0);
  });
});
