import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { testSession } from '../testing/fixtures';
import { pendingOperations } from './outbox';
import { saveSession } from './session';
import { takePulledLevels } from './stock';
import {
  approveCount,
  cancelCount,
  CountStepError,
  getOpenCount,
  recordCounted,
  recountLines,
  startCount,
} from './stockCounts';
import { resetLocalDatabase } from './testing';

const BREAD = { id: '00000000-0000-4000-8000-00000000000b', name: 'Bread' };
const MILK = { id: '00000000-0000-4000-8000-00000000000c', name: 'Milk' };
const MANAGER = '00000000-0000-4000-8000-0000000000aa';
const COUNTER = '00000000-0000-4000-8000-0000000000cc';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
  await takePulledLevels([
    { productId: BREAD.id, onHand: 10 },
    { productId: MILK.id, onHand: 4 },
  ]);
});

describe('stock counts on the phone (SPEC SC)', () => {
  it('SC1–SC3: counted blind, approved, it queues one adjustment per product that differs and closes', async () => {
    const count = await startCount('cycle', [BREAD, MILK], COUNTER);
    await expect(startCount('full', [BREAD], COUNTER)).rejects.toThrow(CountStepError);
    await recordCounted(count.id, BREAD.id, 7);
    await expect(approveCount(count.id, MANAGER)).rejects.toThrow('stock count: uncounted');
    await recordCounted(count.id, MILK.id, 4);
    expect((await getOpenCount())?.lines).toEqual([
      { productId: BREAD.id, name: 'Bread', counted: 7, expected: 10 },
      { productId: MILK.id, name: 'Milk', counted: 4, expected: 4 },
    ]);
    expect(await approveCount(count.id, MANAGER)).toBe(1);
    const [operation] = await pendingOperations(50);
    expect(operation).toMatchObject({
      type: 'ADJUST_STOCK',
      lane: 'critical',
      data: { productId: BREAD.id, delta: -3, reason: 'count', countId: count.id, approvedBy: MANAGER },
    });
    expect(await getOpenCount()).toBeUndefined();
    await expect(recordCounted(count.id, BREAD.id, 1)).rejects.toThrow('stock count: not-open');
  });

  it('SC3: a line sent back is counted again; a cancelled count moves nothing', async () => {
    const count = await startCount('full', [BREAD], COUNTER);
    await recordCounted(count.id, BREAD.id, 2);
    await recountLines(count.id, [BREAD.id]);
    expect((await getOpenCount())?.lines[0]).toMatchObject({ counted: null, expected: null });
    await cancelCount(count.id);
    expect(await getOpenCount()).toBeUndefined();
    expect(await pendingOperations(50)).toEqual([]);
  });
});
