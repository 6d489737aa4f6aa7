import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** The owner checked a flagged sale: its alert closes (POST /api/v1/alerts/:id/resolve). */
export async function resolveAlert(id: string): Promise<ApiResult<null>> {
  const result = await tokenRequest('POST', `/api/v1/alerts/${encodeURIComponent(id)}/resolve`);
  return result.ok ? { ok: true, value: null } : result;
}
