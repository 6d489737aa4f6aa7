import type { ReceiptQuery, SaleLookupAnswer } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { findSalesByReceipt } from './sale-lookup.repository.js';

export interface SaleLookupService {
  /** RC3: the shop's sales a receipt names, with their refunds, for a refund on any of its devices. */
  byReceipt(claims: DeviceClaims, query: ReceiptQuery): Promise<SaleLookupAnswer>;
}

export function createSaleLookupService(db: Db): SaleLookupService {
  return {
    byReceipt: (claims, query) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const sales = await findSalesByReceipt(tx, claims.tenantId, query);
        if (sales.length === 0) throw new AppError('OT_ERR_SALE_NOT_FOUND');
        return { sales };
      }),
  };
}
