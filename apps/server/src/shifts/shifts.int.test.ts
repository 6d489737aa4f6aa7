/**
 * Shifts through sync (SPEC SH): opened with a float, cash in and out, sales and
 * refunds of the shift, closed with a blind count; the server's report agrees
 * with the device's to the cent once everything the device recorded has arrived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  LANE_OF_TYPE,
  shiftReport,
  type CloseShift,
  type Operation,
  type SaleContent,
  type Session,
  type ShiftReportAnswer,
} from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, testApp } from '../test/test-app.js';
import { DeviceScript, saleContentData } from '../test/operations.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const PRODUCT = '00000000-0000-4000-8000-000000000001';
const SHIFT = 'shift_0000000001';
const at = () => new Date().toISOString();

/** Shift operations in the critical lane, numbered after `start`. */
function shiftOps(start: number) {
  let seq = start;
  const op = <T extends Operation['type']>(type: T, data: unknown): Operation =>
    ({ opId: randomUUID(), lane: LANE_OF_TYPE[type], seq: ++seq, type, localId: randomUUID(), data }) as Operation;
  return {
    open: (float: number) => op('OPEN_SHIFT', { localId: SHIFT, float, openedAt: at() }),
    cash: (kind: 'in' | 'out', amount: number) =>
      op('RECORD_CASH_MOVEMENT', {
        localId: `cash_${randomUUID().slice(0, 8)}`,
        shiftId: SHIFT,
        kind,
        amount,
        reason: 'Float top-up',
        at: at(),
      }),
    close: (counted: CloseShift['counted'], recorded: CloseShift['recorded']) =>
      op('CLOSE_SHIFT', { shiftId: SHIFT, counted, recorded, closedAt: at() }),
  };
}

const cashSale = (price: number): SaleContent =>
  saleContentData({
    items: [{ productId: PRODUCT, name: 'Bread', quantity: 1, price }],
    totalAmount: price,
    paymentMethod: 'cash',
    tenders: [{ method: 'cash', amount: price, tendered: price }],
    tendered: price,
    change: 0,
    shiftId: SHIFT,
  });

async function report(session: Session, localId = SHIFT) {
  return app.inject({
    method: 'GET',
    url: `/api/v1/shifts/${session.device.id}/${localId}/report`,
    headers: bearer(session),
  });
}

describe(`shifts on ${TEST_DB_KIND}`, () => {
  it('SH1–SH6: the server’s Z report equals the device’s once all the shift’s records have arrived', async () => {
    const owner = await registerShop(app);
    const script = new DeviceScript();
    const shift = shiftOps(0);
    const first = cashSale(5000);
    const second = cashSale(1899);
    await pushAs(app, owner, [shift.open(20_000), shift.cash('out', 3000), script.sale(first)]);

    // X report mid-shift: open, not complete.
    const x = (await report(owner)).json<ShiftReportAnswer>();
    expect(x.complete).toBe(false);
    expect(x.report.counted).toBeNull();

    // The close overtakes the second sale (critical before high): not complete until it arrives.
    const close = shiftOps(2).close({ '20000': 1, '1000': 3 }, { sales: 2, refunds: 0, movements: 1 });
    await pushAs(app, owner, [close]);
    expect((await report(owner)).json<ShiftReportAnswer>().complete).toBe(false);
    await pushAs(app, owner, [script.sale(second)]);
    const z = (await report(owner)).json<ShiftReportAnswer>();
    expect(z.complete).toBe(true);

    const onDevice = shiftReport({
      float: 20_000,
      sales: [first, second],
      refunds: [],
      movements: [{ kind: 'out', amount: 3000 }],
      counted: 23_000,
    });
    expect(z.report).toEqual(onDevice);
    expect(z.report).toMatchObject({ expectedCash: 23_899, counted: 23_000, variance: -899 });
  });

  it('SH1, SH3: a movement or close of an unknown shift, or a second close, is rejected and changes nothing', async () => {
    const owner = await registerShop(app);
    const shift = shiftOps(0);
    const answers = (
      await pushAs(app, owner, [
        shift.cash('in', 100),
        shift.open(0),
        shift.close({}, { sales: 0, refunds: 0, movements: 0 }),
        shift.close({ '100': 1 }, { sales: 0, refunds: 0, movements: 0 }),
      ])
    ).acknowledgments;
    expect(answers.map((ack) => ack.error?.code ?? ack.status)).toEqual([
      'OT_ERR_SHIFT_UNKNOWN',
      'created',
      'created',
      'OT_ERR_SHIFT_CLOSED',
    ]);
    const z = (await report(owner)).json<ShiftReportAnswer>();
    expect(z.shift.countedTotal).toBe(0);
    expect((await report(owner, 'shift_unknown01')).statusCode).toBe(404);
  });

  it('bad input: a negative float or cash movement is refused by the protocol and stores nothing', async () => {
    const owner = await registerShop(app);
    const shift = shiftOps(0);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: bearer(owner),
      payload: { protocolVersion: 1, deviceId: owner.device.id, cursor: null, pendingOperations: [shift.open(-5)] },
    });
    expect(response.statusCode).toBe(400);
    expect((await report(owner)).statusCode).toBe(404);
  });
});
