import { branchPriceSchema, type BranchPrice } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

export type { BranchPrice };

const urlOf = (productId: string, branchId?: string) =>
  `/api/v1/products/${encodeURIComponent(productId)}/branch-prices${
    branchId === undefined ? '' : `/${encodeURIComponent(branchId)}`
  }`;

/** The answer's list of branch prices; an answer this app cannot read is refused rather than shown wrong. */
function pricesOf(result: ApiResult<unknown>): ApiResult<BranchPrice[]> {
  if (!result.ok) return result;
  const list = (result.value as { branchPrices?: unknown } | null)?.branchPrices;
  const parsed = Array.isArray(list) ? list.map((item) => branchPriceSchema.safeParse(item)) : null;
  if (!parsed || parsed.some((item) => !item.success)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: parsed.flatMap((item) => (item.success ? [item.data] : [])) };
}

/** BP1: the product's price at every branch of the shop (null: the shop's price). */
export async function listBranchPrices(productId: string): Promise<ApiResult<BranchPrice[]>> {
  return pricesOf(await tokenRequest('GET', urlOf(productId)));
}

/** BP1: the branch sells the product at `price` cents; null: at the shop's price again. */
export async function setBranchPrice(
  productId: string,
  branchId: string,
  price: number | null,
): Promise<ApiResult<BranchPrice[]>> {
  return pricesOf(
    price === null
      ? await tokenRequest('DELETE', urlOf(productId, branchId))
      : await tokenRequest('PUT', urlOf(productId, branchId), { price }),
  );
}
