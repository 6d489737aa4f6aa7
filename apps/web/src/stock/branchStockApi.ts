import { branchStockSchema, type BranchStock } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

export type { BranchStock };

/** BT14: the product's stock at every branch of the shop; an answer this app cannot read is refused. */
export async function listBranchStock(productId: string): Promise<ApiResult<BranchStock[]>> {
  const result = await tokenRequest('GET', `/api/v1/products/${encodeURIComponent(productId)}/stock`);
  if (!result.ok) return result;
  const list = (result.value as { branches?: unknown } | null)?.branches;
  const parsed = Array.isArray(list) ? list.map((item) => branchStockSchema.safeParse(item)) : null;
  if (!parsed || parsed.some((item) => !item.success)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: parsed.flatMap((item) => (item.success ? [item.data] : [])) };
}
