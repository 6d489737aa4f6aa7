import { saleLookupAnswerSchema, type SaleLookupAnswer } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** RC3 on the server: the shop's sales a receipt names, with their refunds (GET /api/v1/sales/lookup). */
export async function lookUpSaleOnServer(receipt: string): Promise<ApiResult<SaleLookupAnswer>> {
  const result = await tokenRequest('GET', `/api/v1/sales/lookup?receipt=${encodeURIComponent(receipt)}`);
  if (!result.ok) return result;
  // An answer this app cannot read is refused rather than refunded against.
  const parsed = saleLookupAnswerSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}
