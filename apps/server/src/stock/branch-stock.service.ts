import type { BranchStock } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { findLiveProduct } from '../catalog/branch-prices.repository.js';
import { listBranchStock } from './branch-stock.repository.js';

export interface BranchStockService {
  /** BT14: the product's stock at every branch; an unknown or deleted product is 404. */
  list(claims: DeviceClaims, productId: string): Promise<BranchStock[]>;
}

export function createBranchStockService(db: Db): BranchStockService {
  return {
    list: (claims, productId) =>
      db.withTenant(claims.tenantId, async (tx) => {
        if (!(await findLiveProduct(tx, claims.tenantId, productId))) throw new AppError('OT_ERR_PRODUCT_NOT_FOUND');
        return listBranchStock(tx, claims.tenantId, productId);
      }),
  };
}
