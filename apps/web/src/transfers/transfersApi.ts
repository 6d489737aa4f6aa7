import type { Branch, TransferLine, TransferResolution, TransferStatus } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** A transfer as the server lists it (GET /api/v1/transfers, SPEC TR4). */
export interface TransferView {
  id: string;
  fromBranchId: string;
  toBranchId: string;
  status: TransferStatus;
  lines: TransferLine[];
  received: number[] | null;
  discrepancies: { line: number; missing: number }[];
  dispatchedAt: string;
  /** TR5: what became of the missing units; null or absent while undecided (and from servers before it). */
  resolution?: { kind: TransferResolution; note: string | null; resolvedAt: string } | null;
}

/** The transfers out of and into this till's branch, newest first; online only. */
export async function fetchTransfers(): Promise<ApiResult<TransferView[]>> {
  const answer = await tokenRequest('GET', '/api/v1/transfers');
  return answer.ok ? { ok: true, value: (answer.value as { transfers: TransferView[] }).transfers } : answer;
}

/** The shop's branches, to send to; online only. */
export async function fetchBranches(): Promise<ApiResult<Branch[]>> {
  const answer = await tokenRequest('GET', '/api/v1/branches');
  return answer.ok ? { ok: true, value: (answer.value as { branches: Branch[] }).branches } : answer;
}
