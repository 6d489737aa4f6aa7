import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addCalendarDays, shopDateOf, type Branch, type Operation, type Session } from '@opentill/domain';
import { TEST_DB_KIND, bearer, testApp } from '../test/test-app.js';
import {
  addBranch,
  batchesAt,
  shopWithTwoTills,
  stockFigures,
  stockedProduct,
  syncTill,
  tillAt,
  type Till,
} from '../test/tills.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const inDays = (days: number) => addCalendarDays(shopDateOf(new Date()), days);

async function push(till: Till, operation: Operation) {
  const [ack] = (await syncTill(app, till, [operation])).acknowledgments;
  return ack?.error?.code ?? ack?.status;
}

/** A branch's lots of a product with their units (the ledger invariant checked, BT10). */
async function lots(session: Session, branch: Branch, productId: string) {
  const rows = await batchesAt(session, branch.id, productId);
  return rows.map(({ lot, expiresOn, onHand }) => ({ lot, expiresOn, onHand }));
}

/** Main holds lots A (later) and B (sooner) and 4 units kept without a batch; Rosebank has a till. */
async function twoBranches() {
  const { owner } = await shopWithTwoTills(app);
  const main = owner.session.branch;
  const productId = await stockedProduct(app, owner, 4);
  await syncTill(app, owner, [
    owner.script.receive(productId, 3, { lot: 'A', expiresOn: inDays(60) }),
    owner.script.receive(productId, 2, { lot: 'B', expiresOn: inDays(10) }),
  ]);
  const rosebank = await addBranch(app, owner.session, 'Rosebank');
  return { owner, main, rosebank, away: await tillAt(app, owner.session, rosebank), productId };
}

describe(`transfers on ${TEST_DB_KIND}`, () => {
  it('TR1, TR2: sent first expiry first, then loose units; received into the same lots, short lines kept', async () => {
    const { owner, main, rosebank, away, productId } = await twoBranches();
    const id = crypto.randomUUID();
    const sent = owner.script.dispatchTransfer({ id, toBranchId: rosebank.id, lines: [{ productId, quantity: 6 }] });
    expect(await push(owner, sent)).toBe('created');
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 3, ledgerSum: 3 });
    expect(await lots(owner.session, main, productId)).toEqual([
      { lot: 'A', expiresOn: inDays(60), onHand: 0 },
      { lot: 'B', expiresOn: inDays(10), onHand: 0 },
    ]);
    // Sent twice (a retry under a new operation): sent once.
    expect(await push(owner, owner.script.dispatchTransfer(sent.data as never))).toBe('updated');

    const listed = await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: bearer(away.session) });
    const [transfer] = listed.json<{ transfers: { id: string; status: string; lines: unknown[] }[] }>().transfers;
    expect(transfer).toMatchObject({ id, status: 'in_transit' });
    expect(transfer?.lines).toEqual([
      { productId, batchId: expect.any(String), lot: 'B', expiresOn: inDays(10), quantity: 2 },
      { productId, batchId: expect.any(String), lot: 'A', expiresOn: inDays(60), quantity: 3 },
      { productId, batchId: null, lot: null, expiresOn: null, quantity: 1 },
    ]);

    expect(await push(away, away.script.receiveTransfer({ transferId: id, received: [2, 3, 0] }))).toBe('created');
    expect(await stockFigures(away.session, productId)).toMatchObject({ onHand: 5, ledgerSum: 5 });
    expect(await lots(owner.session, rosebank, productId)).toEqual([
      { lot: 'A', expiresOn: inDays(60), onHand: 3 },
      { lot: 'B', expiresOn: inDays(10), onHand: 2 },
    ]);
    const after = await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: bearer(owner.session) });
    expect(after.json().transfers[0]).toMatchObject({
      status: 'received_with_discrepancy',
      received: [2, 3, 0],
      discrepancies: [{ line: 2, sent: 1, received: 0, missing: 1 }],
    });
    // The tills of both branches pull their new figures.
    expect((await syncTill(app, away)).serverChanges.stock).toContainEqual({ productId, onHand: 5 });
  });

  it.each(['returned', 'lost'] as const)(
    'TR5: the missing units, decided at the source (%s), once; not by the destination, nor for a full receipt',
    async (resolution) => {
      const { owner, main, rosebank, away, productId } = await twoBranches();
      const id = crypto.randomUUID();
      await push(
        owner,
        owner.script.dispatchTransfer({ id, toBranchId: rosebank.id, lines: [{ productId, quantity: 3 }] }),
      );
      await push(away, away.script.receiveTransfer({ transferId: id, received: [1, 1] }));
      expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 6 });

      const decided = { transferId: id, resolution, note: 'Box opened on the taxi' };
      expect(await push(away, away.script.resolveTransfer(decided))).toBe('OT_ERR_TRANSFER_UNKNOWN');
      expect(await push(owner, owner.script.resolveTransfer(decided))).toBe('created');
      expect(await push(owner, owner.script.resolveTransfer(decided))).toBe('OT_ERR_TRANSFER_RESOLVED');
      const back = resolution === 'returned' ? 1 : 0;
      expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 6 + back, ledgerSum: 6 + back });
      expect(await lots(owner.session, main, productId)).toEqual([
        { lot: 'A', expiresOn: inDays(60), onHand: 2 },
        // Sent: both of B's, then one of A's; one of B's never arrived.
        { lot: 'B', expiresOn: inDays(10), onHand: back },
      ]);
      const listed = await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: bearer(owner.session) });
      expect(listed.json().transfers[0]).toMatchObject({
        status: 'received_with_discrepancy',
        resolution: { kind: resolution, note: 'Box opened on the taxi', resolvedAt: expect.any(String) },
      });

      const full = crypto.randomUUID();
      await push(
        owner,
        owner.script.dispatchTransfer({ id: full, toBranchId: rosebank.id, lines: [{ productId, quantity: 1 }] }),
      );
      await push(away, away.script.receiveTransfer({ transferId: full, received: [1] }));
      const notShort = owner.script.resolveTransfer({ transferId: full, resolution });
      expect(await push(owner, notShort)).toBe('OT_ERR_TRANSFER_NOT_SHORT');
    },
  );

  it('TR3: refuses what would break a rule, and then changes nothing', async () => {
    const { owner, rosebank, away, productId } = await twoBranches();
    const send = (toBranchId: string, quantity: number) =>
      owner.script.dispatchTransfer({ id: crypto.randomUUID(), toBranchId, lines: [{ productId, quantity }] });
    expect(await push(owner, send(rosebank.id, 10))).toBe('OT_ERR_TRANSFER_SHORT');
    expect(await push(owner, send(owner.session.branch.id, 1))).toBe('OT_ERR_TRANSFER_SAME_BRANCH');
    expect(await push(owner, send(crypto.randomUUID(), 1))).toBe('OT_ERR_TRANSFER_UNKNOWN');
    expect(await stockFigures(owner.session, productId)).toMatchObject({ onHand: 9, ledgerSum: 9 });

    const id = crypto.randomUUID();
    await push(
      owner,
      owner.script.dispatchTransfer({ id, toBranchId: rosebank.id, lines: [{ productId, quantity: 2 }] }),
    );
    // Received at the branch that sent it, more than was sent, for too few lines: refused.
    expect(await push(owner, owner.script.receiveTransfer({ transferId: id, received: [2] }))).toBe(
      'OT_ERR_TRANSFER_UNKNOWN',
    );
    expect(await push(away, away.script.receiveTransfer({ transferId: id, received: [3] }))).toBe(
      'OT_ERR_TRANSFER_LINES',
    );
    expect(await push(away, away.script.receiveTransfer({ transferId: id, received: [2] }))).toBe('created');
    expect(await push(away, away.script.receiveTransfer({ transferId: id, received: [2] }))).toBe(
      'OT_ERR_TRANSFER_RECEIVED',
    );
    expect(await stockFigures(away.session, productId)).toMatchObject({ onHand: 2, ledgerSum: 2 });
  });
});
