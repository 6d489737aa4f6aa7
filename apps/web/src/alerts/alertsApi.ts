import { alertsSchema, type Alerts } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** What needs the owner's eye (GET /api/v1/alerts): security events after `after`, open flagged sales. */
export async function fetchAlerts(after = 0): Promise<ApiResult<Alerts>> {
  const result = await tokenRequest('GET', `/api/v1/alerts?after=${after}`);
  if (!result.ok) return result;
  // An answer this app cannot read is refused rather than shown wrong.
  const parsed = alertsSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}
