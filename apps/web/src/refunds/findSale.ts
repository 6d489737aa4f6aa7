import { legacyDevicePrefix, parseReceiptQuery, receiptNumber, type SaleLookupAnswer } from '@opentill/domain';
import type { ApiResult } from '../api/tokenRequest';
import { findOwnSale, mergeEarlier, refundsOfSale, type RefundSource } from '../db/refunds';
import { getReceiptPrefix, type LocalSale } from '../db';

export type SaleSearch =
  | { kind: 'found'; sources: RefundSource[] }
  /** Neither a receipt number nor a receipt code. */
  | { kind: 'invalid' }
  | { kind: 'not-found' }
  /** Another device's sale, and no network to ask the server. */
  | { kind: 'offline' }
  | { kind: 'failed' };

/** A sale of this phone as a refund source, with this phone's refunds of it. */
export async function ownSource(sale: LocalSale, deviceId: string): Promise<RefundSource> {
  return {
    deviceId,
    receiptNumber: sale.chain
      ? receiptNumber((await getReceiptPrefix()) ?? legacyDevicePrefix(deviceId), sale.chain.seq)
      : null,
    sale,
    earlier: await refundsOfSale(deviceId, sale.localId),
    ownShiftId: sale.shiftId ?? null,
  };
}

/**
 * RC3: finds the sale a typed number or scanned code names. This phone's own
 * sales are found offline; another device's need the server, and the refunds
 * this phone made of it and not yet synced are added to the server's (RF3).
 */
export async function findSale(
  text: string,
  deviceId: string,
  askServer: (receipt: string) => Promise<ApiResult<SaleLookupAnswer>>,
): Promise<SaleSearch> {
  const query = parseReceiptQuery(text);
  if (!query) return { kind: 'invalid' };
  const own = await findOwnSale(query, deviceId);
  if (own) return { kind: 'found', sources: [await ownSource(own, deviceId)] };
  const answer = await askServer(text.trim());
  if (!answer.ok) {
    const { failure } = answer;
    if (failure.kind === 'offline' || failure.kind === 'unreachable') return { kind: 'offline' };
    return failure.kind === 'server' && failure.code === 'OT_ERR_SALE_NOT_FOUND'
      ? { kind: 'not-found' }
      : { kind: 'failed' };
  }
  const sources = await Promise.all(
    answer.value.sales.map(async (found) => ({
      deviceId: found.deviceId,
      receiptNumber: found.receiptNumber,
      sale: found.sale,
      // Who sold it, as its receipt names them (a reprint prints it).
      cashier: found.cashier ?? null,
      earlier: mergeEarlier(found.refunds, await refundsOfSale(found.deviceId, found.sale.localId)),
      ownShiftId: null,
    })),
  );
  return { kind: 'found', sources };
}
