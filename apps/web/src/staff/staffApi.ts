import { staffMemberSchema, type StaffInput, type StaffMember, type StaffUpdate } from '@opentill/domain';
import { tokenRequest, type ApiFailure, type ApiResult } from '../api/tokenRequest';

/**
 * The owner's staff requests (GET/POST /api/v1/staff, PATCH /api/v1/staff/:id) with the
 * device's token. Online only: the server is where staff live; this phone gets the
 * roster it needs for switching by PIN through the sync cycle.
 */
export type StaffFailure = ApiFailure;
export type StaffResult<T> = ApiResult<T>;

const STAFF_URL = '/api/v1/staff';
function member(result: StaffResult<unknown>): StaffResult<StaffMember> {
  if (!result.ok) return result;
  const parsed = staffMemberSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}

export async function listStaff(): Promise<StaffResult<StaffMember[]>> {
  const result = await tokenRequest('GET', STAFF_URL);
  if (!result.ok) return result;
  const list = (result.value as { staff?: unknown } | null)?.staff;
  const parsed = Array.isArray(list) ? list.map((item) => staffMemberSchema.safeParse(item)) : null;
  if (!parsed || parsed.some((item) => !item.success)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: parsed.flatMap((item) => (item.success ? [item.data] : [])) };
}

export async function createStaff(input: StaffInput): Promise<StaffResult<StaffMember>> {
  return member(await tokenRequest('POST', STAFF_URL, input));
}

export async function updateStaff(id: string, update: StaffUpdate): Promise<StaffResult<StaffMember>> {
  return member(await tokenRequest('PATCH', `${STAFF_URL}/${encodeURIComponent(id)}`, update));
}
