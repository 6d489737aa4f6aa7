import type { BranchPrice } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAuditBy, type RequestContext } from '../audit/audit-log.service.js';
import { takeChangeSeq } from '../sync/sync.repository.js';
import type { PokeBus } from '../sync/pokes.js';
import {
  deleteBranchPrice,
  listBranchPrices,
  lockLiveProduct,
  touchProduct,
  upsertBranchPrice,
} from './branch-prices.repository.js';

export interface BranchPriceService {
  /** BP1: the product's price at every branch of the shop. */
  list(claims: DeviceClaims, productId: string): Promise<BranchPrice[]>;
  /** BP1: the branch sells the product at `price` (null: at the shop's price again); audited, tills poked. */
  set(
    claims: DeviceClaims,
    target: { productId: string; branchId: string },
    price: number | null,
    context: RequestContext,
  ): Promise<BranchPrice[]>;
}

export function createBranchPriceService(db: Db, pokes: PokeBus): BranchPriceService {
  /** The product (locked) and its branch prices; an unknown or deleted product is 404. */
  async function pricesOf(tx: Transaction, tenantId: string, productId: string) {
    const product = await lockLiveProduct(tx, tenantId, productId);
    if (!product) throw new AppError('OT_ERR_PRODUCT_NOT_FOUND');
    return { product, prices: await listBranchPrices(tx, tenantId, productId) };
  }

  return {
    list: (claims, productId) =>
      db.withTenant(claims.tenantId, async (tx) => (await pricesOf(tx, claims.tenantId, productId)).prices),

    async set(claims, { productId, branchId }, price, context) {
      const outcome = await db.withTenant(claims.tenantId, async (tx) => {
        const { product, prices } = await pricesOf(tx, claims.tenantId, productId);
        const branch = prices.find((candidate) => candidate.branchId === branchId);
        if (!branch) throw new AppError('OT_ERR_BRANCH_NOT_FOUND');
        if (branch.price === price) return { prices, changed: false };
        if (price === null) await deleteBranchPrice(tx, branchId, productId);
        else await upsertBranchPrice(tx, { tenantId: claims.tenantId, branchId, productId, price });
        // The product goes into the feed again: that branch's tills pull it with its new price (BP2).
        await touchProduct(tx, productId, await takeChangeSeq(tx, claims.tenantId));
        await recordAuditBy(
          tx,
          { claims, context },
          price === null ? 'product.branch_price_removed' : 'product.branch_price_set',
          {
            productId,
            name: product.name,
            branchId,
            branchName: branch.branchName,
            shopPrice: product.price,
            from: branch.price,
            to: price,
          },
        );
        return {
          prices: prices.map((candidate) => (candidate.branchId === branchId ? { ...candidate, price } : candidate)),
          changed: true,
        };
      });
      // After the commit (SY13): the tills then pull a change they can see.
      if (outcome.changed) pokes.publish(claims.tenantId);
      return outcome.prices;
    },
  };
}
