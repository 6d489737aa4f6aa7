import { auditLogPageSchema, type AuditLogPage } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

const AUDIT_URL = '/api/v1/audit';

/** One page of the shop's audit log (GET /api/v1/audit), newest first; online only, never queued. */
export async function fetchAuditPage(params: URLSearchParams): Promise<ApiResult<AuditLogPage>> {
  const result = await tokenRequest('GET', `${AUDIT_URL}?${params.toString()}`);
  if (!result.ok) return result;
  // An answer this app cannot read is refused rather than shown wrong.
  const parsed = auditLogPageSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}
