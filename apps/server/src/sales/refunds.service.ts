import { randomUUID } from 'node:crypto';
import { refundExcess, refundOverpayment, type Refund, type RefundExcess } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import type { SaleOrigin } from './sales.repository.js';
import {
  insertRefunds,
  recordRefundOutcomes,
  refundIdsByLocalId,
  refundsAwaiting,
  saleKey,
  salesToRefund,
  type RefundStatus,
  type StoredRefund,
} from './refunds.repository.js';

export type RefundAnswer =
  | { status: 'created'; refundId: string }
  | { status: 'conflict'; refundId: string; saleId: string; excess: RefundExcess[]; overpaid: number };

/** Goods a refund puts back on the shelf, for the stock ledger (kind `refund`). */
export interface StockReturn {
  saleId: string;
  opId: string;
  userId: string | null;
  items: readonly { productId: string; quantity: number }[];
}

/**
 * The refunds side of one push (SPEC RF). Stores the push's new refunds, then
 * judges each against its sale: the refunds waiting for a sale this push brought
 * first (they were made earlier), then the new ones in push order. A refund
 * whose sale has not arrived stays `awaiting_sale` and is answered `created`:
 * it was accepted, and is applied when its sale comes (RF4). Answers come in
 * the order of `incoming`.
 */
export async function settleRefunds(
  tx: Executor,
  origin: SaleOrigin,
  incoming: readonly { opId: string; userId: string; refund: Refund }[],
  arrived: { localIds: readonly string[]; awaited: ReadonlySet<string> },
): Promise<{ answers: RefundAnswer[]; returns: StockReturn[]; inserted: ReadonlySet<string> }> {
  // Read before this push's refunds are stored: they wait for the same sales, and must be judged once.
  const arrivedAwaited = arrived.localIds.filter((localId) => arrived.awaited.has(localId));
  const waiting =
    arrivedAwaited.length > 0
      ? await refundsAwaiting(tx, origin.tenantId, { deviceId: origin.deviceId, localIds: arrivedAwaited })
      : [];
  const fresh = incoming.map((entry) => ({ ...entry, id: randomUUID() }));
  const inserted = await insertRefunds(tx, origin, fresh);
  const repeated = fresh.filter(({ id }) => !inserted.has(id));
  const earlierIds =
    repeated.length > 0
      ? await refundIdsByLocalId(
          tx,
          origin,
          repeated.map(({ refund }) => refund.localId),
        )
      : new Map<string, string>();

  const toJudge: StoredRefund[] = [...waiting, ...fresh.filter(({ id }) => inserted.has(id))];
  const found =
    toJudge.length > 0
      ? await salesToRefund(
          tx,
          origin.tenantId,
          toJudge.map(({ refund }) => refund.sale),
        )
      : new Map();

  const verdicts = new Map<string, RefundAnswer>();
  const outcomes: { id: string; status: Exclude<RefundStatus, 'awaiting_sale'>; saleId: string }[] = [];
  const returns: StockReturn[] = [];
  for (const { id, opId, userId, refund } of toJudge) {
    const sale = found.get(saleKey(refund.sale.deviceId, refund.sale.localId));
    if (!sale) continue;
    const excess = refundExcess(sale, sale.refunded, refund);
    const overpaid = refundOverpayment(sale.paid, sale.refunded, refund);
    if (excess.length > 0 || overpaid > 0) {
      outcomes.push({ id, status: 'exceeds_sale', saleId: sale.id });
      verdicts.set(id, { status: 'conflict', refundId: id, saleId: sale.id, excess, overpaid });
      continue;
    }
    outcomes.push({ id, status: 'applied', saleId: sale.id });
    sale.refunded.push({ items: refund.items, amount: refund.amount });
    // A refused sale moved no stock (ST3), so its refund puts none back.
    if (refund.restock && sale.status === 'completed') {
      returns.push({ saleId: sale.id, opId, userId, items: refund.items });
    }
  }
  await recordRefundOutcomes(tx, outcomes);

  const answers = fresh.map(({ id, refund }): RefundAnswer => {
    if (!inserted.has(id)) return { status: 'created', refundId: earlierIds.get(refund.localId) ?? id };
    return verdicts.get(id) ?? { status: 'created', refundId: id };
  });
  return { answers, returns, inserted };
}
