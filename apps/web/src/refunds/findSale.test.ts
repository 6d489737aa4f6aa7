import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { legacyDevicePrefix, planRefund, receiptCode, receiptNumber, type SaleLookupAnswer } from '@opentill/domain';
import type { ApiResult } from '../api/tokenRequest';
import { PRODUCT_ID, testSale, testSession } from '../testing/fixtures';
import { db } from '../db/database';
import { recordRefund } from '../db/refunds';
import { recordSale } from '../db/sales';
import { saveSession } from '../db/session';
import { resetLocalDatabase, tableCounts } from '../db/testing';
import { InvalidRecordError } from '../db/errors';
import { findSale, ownSource } from './findSale';

const DEVICE = testSession().device.id;
const OTHER_DEVICE = '0f0e0d0c-0b0a-4909-8807-060504030201';

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

const noServer = vi.fn<(receipt: string) => Promise<ApiResult<SaleLookupAnswer>>>(() => {
  throw new Error('the server was asked');
});

function refundOf(source: Awaited<ReturnType<typeof ownSource>>, localId: string, quantity = 1) {
  const result = planRefund(source.sale, source.earlier, {
    localId,
    sale: { deviceId: source.deviceId, localId: source.sale.localId },
    kind: 'refund',
    picks: [{ index: 0, quantity }],
    destination: 'original',
    restock: true,
    reason: 'Stale',
    createdAt: '2026-11-30T10:00:00+02:00',
  });
  if ('problems' in result) throw new Error(result.problems.join(' '));
  return result.refund;
}

describe('finding a sale to refund (SPEC RC3)', () => {
  it('finds this phone’s sale offline by its number or its code, with this phone’s refunds of it', async () => {
    const sale = await recordSale(testSale());
    const source = await ownSource(sale, DEVICE);
    await recordRefund(source, refundOf(source, 'refund_000000000001'));

    for (const text of [
      receiptNumber(legacyDevicePrefix(DEVICE), 1),
      ` ${receiptNumber(legacyDevicePrefix(DEVICE), 1).toLowerCase()} `,
      receiptCode(DEVICE, sale.localId),
    ]) {
      const found = await findSale(text, DEVICE, noServer);
      expect(found).toMatchObject({
        kind: 'found',
        sources: [{ deviceId: DEVICE, receiptNumber: receiptNumber(legacyDevicePrefix(DEVICE), 1) }],
      });
      if (found.kind === 'found')
        expect(found.sources[0]?.earlier.map((refund) => refund.localId)).toEqual(['refund_000000000001']);
    }
    expect(noServer).not.toHaveBeenCalled();
    expect(await findSale('bread', DEVICE, noServer)).toEqual({ kind: 'invalid' });
  });

  it('asks the server for another device’s sale and adds this phone’s unsynced refunds of it, each once', async () => {
    const sale = testSale({ localId: 'sale_other0000001' });
    const serverRefund = {
      deviceId: OTHER_DEVICE,
      localId: 'refund_server00001',
      items: sale.items.map((line) => ({ ...line, quantity: 1 })),
      amount: 1899,
      method: 'cash' as const,
    };
    const askServer = vi.fn(async () => ({
      ok: true as const,
      value: {
        sales: [{ deviceId: OTHER_DEVICE, receiptNumber: receiptNumber('T2', 9), sale, refunds: [serverRefund] }],
      },
    }));
    const found = await findSale(receiptNumber('T2', 9), DEVICE, askServer);
    expect(askServer).toHaveBeenCalledWith('T2-9');
    if (found.kind !== 'found' || !found.sources[0]) throw new Error('not found');
    const source = found.sources[0];
    expect(source.earlier).toHaveLength(1);
    await recordRefund(source, refundOf(source, 'refund_here0000001'));

    const again = await findSale(receiptNumber('T2', 9), DEVICE, askServer);
    expect(again.kind === 'found' && again.sources[0]?.earlier.map((refund) => refund.localId)).toEqual([
      'refund_server00001',
      'refund_here0000001',
    ]);
  });

  it('says offline, not found or failed when the server cannot answer', async () => {
    const failing = (failure: Extract<ApiResult<SaleLookupAnswer>, { ok: false }>['failure']) => async () => ({
      ok: false as const,
      failure,
    });
    const number = receiptNumber('T2', 3);
    expect(await findSale(number, DEVICE, failing({ kind: 'offline' }))).toEqual({ kind: 'offline' });
    expect(
      await findSale(
        number,
        DEVICE,
        failing({ kind: 'server', code: 'OT_ERR_SALE_NOT_FOUND', message: '', details: [] }),
      ),
    ).toEqual({ kind: 'not-found' });
    expect(await findSale(number, DEVICE, failing({ kind: 'unexpected' }))).toEqual({ kind: 'failed' });
  });
});

describe('recording a refund on the phone (SPEC RF)', () => {
  it('queues REFUND_SALE with the refund in one transaction; the manager who approved is the actor', async () => {
    const sale = await recordSale(testSale());
    const source = await ownSource(sale, DEVICE);
    const approver = '44444444-4444-4444-8444-444444444444';
    await recordRefund(source, refundOf(source, 'refund_000000000001'), approver);
    const operation = (await db.outbox.toArray()).find((entry) => entry.type === 'REFUND_SALE');
    expect(operation).toMatchObject({ lane: 'critical', actorId: approver, data: { amount: 1899, method: 'cash' } });
    expect(await db.refunds.get('refund_000000000001')).toMatchObject({
      syncState: 'pending',
      items: [{ productId: PRODUCT_ID, quantity: 1 }],
    });
  });

  it('refuses returning what was returned already, even from a stale screen, and writes nothing', async () => {
    const sale = await recordSale(testSale());
    const stale = await ownSource(sale, DEVICE);
    await recordRefund(stale, refundOf(stale, 'refund_000000000001', 2));
    const before = await tableCounts();
    await expect(recordRefund(stale, refundOf(stale, 'refund_000000000002', 1))).rejects.toThrow(InvalidRecordError);
    expect(await tableCounts()).toEqual(before);
  });
});
