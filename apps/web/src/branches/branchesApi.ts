import { branchSchema, type Branch } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

export type { Branch };

const BRANCHES_URL = '/api/v1/branches';

/** One branch as the server answers it; an answer this app cannot read is refused rather than shown wrong. */
function branchOf(result: ApiResult<unknown>): ApiResult<Branch> {
  if (!result.ok) return result;
  const parsed = branchSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}

/** The shop's branches, oldest first (SPEC BR). */
export async function listBranches(): Promise<ApiResult<Branch[]>> {
  const result = await tokenRequest('GET', BRANCHES_URL);
  if (!result.ok) return result;
  const list = (result.value as { branches?: unknown } | null)?.branches;
  const parsed = Array.isArray(list) ? list.map((item) => branchSchema.safeParse(item)) : null;
  if (!parsed || parsed.some((item) => !item.success)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: parsed.flatMap((item) => (item.success ? [item.data] : [])) };
}

/** BR1: a new branch; its name must be free in the shop (409 OT_ERR_BRANCH_NAME_TAKEN). */
export async function addBranch(name: string): Promise<ApiResult<Branch>> {
  return branchOf(await tokenRequest('POST', BRANCHES_URL, { name }));
}

export async function renameBranch(id: string, name: string): Promise<ApiResult<Branch>> {
  return branchOf(await tokenRequest('PATCH', `${BRANCHES_URL}/${encodeURIComponent(id)}`, { name }));
}

/** BR3: this till now stands in that branch; answers the branch. */
export async function moveThisTill(branchId: string): Promise<ApiResult<Branch>> {
  return branchOf(await tokenRequest('PUT', '/api/v1/devices/current/branch', { branchId }));
}
