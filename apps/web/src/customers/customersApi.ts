import type { CustomerStatement } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** The server's statement of a customer's book (all phones' records), online only. */
export async function fetchStatement(customerId: string): Promise<ApiResult<CustomerStatement>> {
  const answer = await tokenRequest('GET', `/api/v1/customers/${encodeURIComponent(customerId)}/statement`);
  return answer.ok ? { ok: true, value: answer.value as CustomerStatement } : answer;
}
