import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXCEPTION_ID, PRODUCT_ID, ack, pageOf, testSession, testStockException } from '../testing/fixtures';
import { db } from './database';
import { inboxItems } from './inbox';
import { applyAcknowledgments, applySyncResult, pendingOperations } from './outbox';
import { saveSession } from './session';
import { acceptStockFigure, resolveOversellByCount } from './stockExceptionDecisions';
import { openStockExceptions } from './stockExceptions';
import { resetLocalDatabase } from './testing';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

async function pull(page: Parameters<typeof pageOf>[0], cursor = 'c1') {
  await applySyncResult({ deviceId: testSession().device.id, acknowledgments: [], page: pageOf(page), cursor });
}

/** Two phones sold the last loaf: the branch is one short. */
async function oversold() {
  await pull({ stock: [{ productId: PRODUCT_ID, onHand: -1 }], stockExceptions: [testStockException()] });
}

async function onlyOperation() {
  const [operation, ...others] = await pendingOperations(50);
  if (!operation || others.length > 0) throw new Error('expected exactly one queued operation');
  return operation;
}

describe('the oversell in the inbox', () => {
  it('lists an open exception with the figure this phone shows', async () => {
    await oversold();
    expect(await inboxItems()).toEqual([
      { kind: 'OVERSELL', exception: testStockException(), shownStock: -1, at: testStockException().createdAt },
    ]);
  });

  it('"Count the shelf": sends the difference from the figure shown with the exception, and leaves the inbox at once', async () => {
    await oversold();
    expect(await resolveOversellByCount(EXCEPTION_ID, 0)).toEqual({ delta: 1 });
    const adjustment = await onlyOperation();
    expect(adjustment).toMatchObject({
      lane: 'critical',
      type: 'ADJUST_STOCK',
      data: { productId: PRODUCT_ID, delta: 1, reason: 'count', exceptionId: EXCEPTION_ID },
    });
    expect(await inboxItems()).toEqual([]);
    expect((await db.stockExceptions.get(EXCEPTION_ID))?.resolvingOpId).toBe(adjustment.opId);
  });

  it('"Count the shelf" that agrees with the figure closes the exception without moving stock', async () => {
    await pull({ stock: [{ productId: PRODUCT_ID, onHand: 2 }], stockExceptions: [testStockException()] });
    expect(await resolveOversellByCount(EXCEPTION_ID, 2)).toEqual({ delta: 0 });
    expect(await onlyOperation()).toMatchObject({
      type: 'RESOLVE_STOCK_EXCEPTION',
      data: { exceptionId: EXCEPTION_ID },
    });
    expect(await openStockExceptions()).toEqual([]);
  });

  it('"The figure is right": sends RESOLVE_STOCK_EXCEPTION once, however often it is tapped', async () => {
    await oversold();
    expect(await acceptStockFigure(EXCEPTION_ID)).toBe(true);
    expect(await acceptStockFigure(EXCEPTION_ID)).toBe(false);
    expect(await resolveOversellByCount(EXCEPTION_ID, 0)).toBeNull();
    expect(await onlyOperation()).toMatchObject({ type: 'RESOLVE_STOCK_EXCEPTION', lane: 'critical' });
    expect(await inboxItems()).toEqual([]);
  });

  it('stays out of the inbox while the server still sends it open, and is resolved when the server says so', async () => {
    await oversold();
    await acceptStockFigure(EXCEPTION_ID);
    const resolution = await onlyOperation();
    await pull({ stockExceptions: [testStockException({ shortfall: 2 })] }, 'c2');
    expect(await inboxItems()).toEqual([]);

    await applyAcknowledgments([ack(resolution, 'created')]);
    await pull(
      {
        stockExceptions: [
          testStockException({ status: 'resolved', resolution: 'accepted', resolvedAt: '2026-11-23T16:00:00.000Z' }),
        ],
      },
      'c3',
    );
    expect(await db.stockExceptions.get(EXCEPTION_ID)).toMatchObject({ status: 'resolved', resolution: 'accepted' });
    expect(await db.stockExceptions.get(EXCEPTION_ID)).not.toHaveProperty('resolvingOpId');
    expect(await inboxItems()).toEqual([]);
  });

  it('comes back to the inbox when the server rejects its resolution', async () => {
    await oversold();
    await resolveOversellByCount(EXCEPTION_ID, 0);
    const adjustment = await onlyOperation();
    await applyAcknowledgments([
      ack(adjustment, 'rejected', { code: 'OT_ERR_EXCEPTION_UNKNOWN', message: 'Not at this branch.' }),
    ]);
    expect((await inboxItems()).map((item) => item.kind)).toEqual(['OVERSELL']);
    expect(await resolveOversellByCount(EXCEPTION_ID, 0)).toEqual({ delta: 1 }); // a new decision
  });

  it('another phone resolving it takes it out of the inbox here', async () => {
    await oversold();
    await pull({ stockExceptions: [testStockException({ status: 'resolved', resolution: 'adjusted' })] }, 'c2');
    expect(await inboxItems()).toEqual([]);
    expect(await resolveOversellByCount(EXCEPTION_ID, 0)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});
