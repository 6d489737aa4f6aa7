/**
 * Receipt numbers are unique across a shop (SPEC RC1, issue 6 "Must show" 4):
 * three devices registered at once learn different prefixes, sell 200 sales
 * each while offline, numbering every slip themselves, and after sync the
 * server names every sale by the number its slip printed, no two alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { receiptCode, receiptNumber, saleLookupAnswerSchema, type Operation, type Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, pushAs, registerShop, signInDevice, testApp } from '../test/test-app.js';
import { DeviceScript, saleContentData } from '../test/operations.js';

const SALES_PER_DEVICE = 200;
const BATCH = 50;

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

interface Till {
  session: Session;
  script: DeviceScript;
  /** What each slip printed, by the sale's local id. */
  printed: Map<string, string>;
  queue: Operation[];
}

describe(`receipt numbers across a shop on ${TEST_DB_KIND}`, () => {
  it('RC1: three devices selling offline at once never print the same receipt number', async () => {
    const owner = await registerShop(app);
    const sessions = [owner, ...(await Promise.all([signInDevice(app, owner), signInDevice(app, owner)]))];
    // Online once (sign-in and the first sync): each phone learns its prefix, then the network goes.
    const tills: Till[] = [];
    for (const session of sessions) {
      const prefix = (await pushAs(app, session, [])).device?.receiptPrefix;
      if (!prefix) throw new Error('the sync answer names no receipt prefix');
      const script = new DeviceScript();
      const printed = new Map<string, string>();
      const queue: Operation[] = [];
      for (let n = 0; n < SALES_PER_DEVICE; n += 1) {
        const sale = script.chain(saleContentData());
        printed.set(sale.localId, receiptNumber(prefix, sale.chain.seq));
        queue.push(script.saleOp(sale));
      }
      tills.push({ session, script, printed, queue });
    }
    expect(new Set(tills.map((till) => [...till.printed.values()][0]?.split('-')[0])).size).toBe(3);

    // Back online: the three queues go out interleaved, a batch at a time.
    for (let start = 0; start < SALES_PER_DEVICE; start += BATCH) {
      for (const till of tills) {
        const answer = await pushAs(app, till.session, till.queue.slice(start, start + BATCH));
        expect(answer.acknowledgments.filter((ack) => ack.status !== 'created')).toEqual([]);
      }
    }

    const everyNumber: string[] = [];
    for (const till of tills) {
      for (const [localId, printed] of till.printed) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/sales/lookup',
          query: { receipt: receiptCode(till.session.device.id, localId) },
          headers: bearer(owner),
        });
        const [found] = saleLookupAnswerSchema.parse(response.json()).sales;
        expect(found?.receiptNumber).toBe(printed);
        everyNumber.push(printed);
      }
    }
    expect(everyNumber).toHaveLength(3 * SALES_PER_DEVICE);
    expect(new Set(everyNumber).size).toBe(everyNumber.length);
  });
});
