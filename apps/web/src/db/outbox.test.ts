import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ack, testProduct, testSale, testSession } from '../testing/fixtures';
import { db } from './database';
import { getCursor } from './meta';
import {
  applyAcknowledgments,
  applySyncResult,
  pendingOperations,
  recordFailedAttempt,
  rejectedOperations,
  unsyncedCount,
} from './outbox';
import { recordSale } from './sales';
import { saveSession } from './session';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

async function threeSales() {
  for (let i = 0; i < 3; i++) await recordSale(testSale());
  const operations = await pendingOperations(50);
  const [created, rejected, refused] = operations;
  if (!created || !rejected || !refused) throw new Error('expected three operations');
  return { created, rejected, refused };
}

describe('applyAcknowledgments', () => {
  it('created: removes the entry and marks the sale synced', async () => {
    const { created } = await threeSales();
    await applyAcknowledgments([ack(created, 'created')]);
    expect(await db.outbox.get(created.opId)).toBeUndefined();
    const sale = await db.sales.get(created.localId);
    expect(sale?.syncState).toBe('synced');
    expect(sale?.serverId).toEqual(expect.any(String));
  });

  it('rejected: keeps the entry as rejected with the error, no longer sent', async () => {
    const { rejected } = await threeSales();
    const error = { code: 'OT_ERR_SALE_INVALID' as const, message: 'The sale does not add up.' };
    await applyAcknowledgments([ack(rejected, 'rejected', error)]);
    const entry = await db.outbox.get(rejected.opId);
    expect(entry?.status).toBe('rejected');
    expect(entry?.lastError).toEqual(error);
    expect((await db.sales.get(rejected.localId))?.syncState).toBe('rejected');
    expect((await pendingOperations(50)).map((op) => op.opId)).not.toContain(rejected.opId);
    expect((await rejectedOperations()).map((op) => op.opId)).toEqual([rejected.opId]);
  });

  it('refused: keeps the entry pending, unchanged on the wire, for the next push', async () => {
    const { refused } = await threeSales();
    const error = { code: 'OT_ERR_SEQUENCE_GAP' as const, message: 'An earlier operation has not arrived.' };
    await applyAcknowledgments([ack(refused, 'refused', error)]);
    const entry = await db.outbox.get(refused.opId);
    expect(entry?.status).toBe('pending');
    expect(entry?.attempts).toBe(1);
    expect((await pendingOperations(50)).find((op) => op.opId === refused.opId)).toEqual(refused);
    expect((await db.sales.get(refused.localId))?.syncState).toBe('pending');
  });

  it('applies a mixed answer, and a repeated answer changes nothing more', async () => {
    const { created, rejected, refused } = await threeSales();
    const answer = [ack(created, 'created'), ack(rejected, 'rejected'), ack(refused, 'refused')];
    await applyAcknowledgments(answer);
    await applyAcknowledgments(answer.slice(0, 2));
    expect(await unsyncedCount()).toBe(1);
    expect((await pendingOperations(50)).map((op) => op.opId)).toEqual([refused.opId]);
  });
});

describe('recordFailedAttempt', () => {
  it('counts the attempt and keeps the operation pending', async () => {
    const { created } = await threeSales();
    await recordFailedAttempt([created.opId], { code: 'network', message: 'No answer.' });
    const entry = await db.outbox.get(created.opId);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastError: { code: 'network' } });
  });
});

describe('applySyncResult', () => {
  it('applies acknowledgments, products and the cursor in one transaction', async () => {
    const { created } = await threeSales();
    await applySyncResult({ acknowledgments: [ack(created, 'created')], products: [testProduct()], cursor: 'c1' });
    expect(await unsyncedCount()).toBe(2);
    expect(await db.products.count()).toBe(1);
    expect(await getCursor()).toBe('c1');
  });

  it('writes nothing when part of it fails', async () => {
    const { created } = await threeSales();
    const broken = testProduct({ price: -1 }); // cents() throws: the whole transaction aborts
    await expect(
      applySyncResult({ acknowledgments: [ack(created, 'created')], products: [broken], cursor: 'c2' }),
    ).rejects.toThrow();
    expect(await unsyncedCount()).toBe(3);
    expect(await getCursor()).toBeNull();
  });
});
