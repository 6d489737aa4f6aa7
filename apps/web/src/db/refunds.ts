import {
  checkRefund,
  legacyDevicePrefix,
  refundExcess,
  refundOverpayment,
  refundSchema,
  type EarlierRefund,
  type ReceiptQuery,
  type Refund,
  type SaleContent,
} from '@opentill/domain';
import { getActingUser } from './actingUser';
import { db, type LocalRefund, type LocalSale } from './database';
import { getReceiptPrefix } from './meta';
import { enqueueOperation } from './enqueue';
import { InvalidRecordError } from './errors';
import { useLiveValue } from './live';

/** A sale a refund may return, wherever it was found, with the refunds of it known so far. */
export interface RefundSource {
  /** The device that sold it. */
  deviceId: string;
  receiptNumber: string | null;
  sale: SaleContent;
  /** Refunds already made of it: the server's and this phone's, each once. */
  earlier: (EarlierRefund & { localId: string })[];
  /** The sale's shift when it was sold on this phone (a void needs it to be the open one, RF9). */
  ownShiftId: string | null;
}

/** RC3 on this phone: its own sale the receipt names, if it has it. */
export async function findOwnSale(query: ReceiptQuery, deviceId: string): Promise<LocalSale | undefined> {
  if (query.kind === 'code') return query.deviceId === deviceId ? db.sales.get(query.localId) : undefined;
  if (query.prefix !== (await getReceiptPrefix()) && query.prefix !== legacyDevicePrefix(deviceId)) return undefined;
  return db.sales.where('chain.seq').equals(query.seq).first();
}

/** This phone's refunds of one sale, oldest first. */
export async function refundsOfSale(deviceId: string, saleLocalId: string): Promise<LocalRefund[]> {
  const refunds = await db.refunds.where('sale.localId').equals(saleLocalId).sortBy('createdAt');
  return refunds.filter((refund) => refund.sale.deviceId === deviceId);
}

/** Earlier refunds from two places (the server's answer, this phone), each refund once. */
export function mergeEarlier(
  ...lists: readonly (readonly (EarlierRefund & { localId: string })[])[]
): (EarlierRefund & { localId: string })[] {
  const seen = new Map<string, EarlierRefund & { localId: string }>();
  for (const refund of lists.flat()) if (!seen.has(refund.localId)) seen.set(refund.localId, refund);
  return [...seen.values()];
}

/**
 * Records a refund or void: the refund and its REFUND_SALE operation in ONE
 * transaction, or nothing (ARCHITECTURE "Sync" 1). Inside it, the sale's
 * refunds on this phone are read again, so a second tap or another tab cannot
 * return the same goods twice (RF3, RF6). `approvedBy`: the manager whose PIN
 * allowed it, who then is the operation's actor.
 */
export async function recordRefund(
  source: Pick<RefundSource, 'sale' | 'earlier'>,
  refund: Refund,
  approvedBy?: string,
): Promise<LocalRefund> {
  const parsed = refundSchema.safeParse(refund);
  if (!parsed.success) throw new InvalidRecordError(parsed.error.issues.map((issue) => issue.message));
  const content = parsed.data;
  const problems = checkRefund(content);
  if (problems.length > 0) throw new InvalidRecordError(problems);

  return db.transaction('rw', [db.refunds, db.outbox, db.meta], async () => {
    const here = await refundsOfSale(content.sale.deviceId, content.sale.localId);
    const earlier = mergeEarlier(source.earlier, here);
    if (refundExcess(source.sale, earlier, content).length > 0) {
      throw new InvalidRecordError(['Those items have been returned already.']);
    }
    const paid = source.sale.totalAmount - (source.sale.rounding ?? 0);
    if (refundOverpayment(paid, earlier, content) > 0) {
      throw new InvalidRecordError(['The sale has no money left to pay back.']);
    }
    await enqueueOperation(
      { type: 'REFUND_SALE', localId: content.localId, data: content },
      approvedBy ? { approvedBy } : {},
    );
    const actor = await getActingUser();
    const local: LocalRefund = {
      ...content,
      syncState: 'pending',
      ...(actor && { cashier: { userId: actor.userId, name: actor.name } }),
    };
    await db.refunds.add(local);
    return local;
  });
}

/** This phone's sales, newest first, with how much of each was refunded here (the Sales tab). */
export async function recentSalesWithRefunds(limit = 50): Promise<{ sale: LocalSale; refunded: number }[]> {
  const sales = await db.sales.orderBy('createdAt').reverse().limit(limit).toArray();
  const refunds = await db.refunds
    .where('sale.localId')
    .anyOf(sales.map((sale) => sale.localId))
    .toArray();
  const refunded = new Map<string, number>();
  for (const refund of refunds)
    refunded.set(refund.sale.localId, (refunded.get(refund.sale.localId) ?? 0) + refund.amount);
  return sales.map((sale) => ({ sale, refunded: refunded.get(sale.localId) ?? 0 }));
}

/** The Sales tab's list, live: a new sale or refund shows at once. */
export function useLiveRecentSales(): { sale: LocalSale; refunded: number }[] | undefined {
  return useLiveValue(recentSales);
}

const recentSales = () => recentSalesWithRefunds();
