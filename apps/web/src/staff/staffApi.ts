import { staffMemberSchema, type StaffInput, type StaffMember, type StaffUpdate } from '@opentill/domain';
import { readServerError, type FieldDetail } from '../api/serverError';
import { getSession } from '../db';

/**
 * The owner's staff requests (GET/POST /api/v1/staff, PATCH /api/v1/staff/:id) with the
 * device's token. Online only: the server is where staff live; this phone gets the
 * roster it needs for switching by PIN through the sync cycle.
 */
export type StaffFailure =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'server'; code: string; message: string; details: FieldDetail[] }
  | { kind: 'unexpected' };

export type StaffResult<T> = { ok: true; value: T } | { ok: false; failure: StaffFailure };

const STAFF_URL = '/api/v1/staff';

async function request(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<StaffResult<unknown>> {
  if (!navigator.onLine) return { ok: false, failure: { kind: 'offline' } };
  const session = await getSession();
  if (!session) return { ok: false, failure: { kind: 'unexpected' } };
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${session.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: json };
  const error = readServerError(json);
  if (!error) return { ok: false, failure: { kind: 'unexpected' } };
  if (response.status === 403) return { ok: false, failure: { kind: 'forbidden', message: error.message } };
  return { ok: false, failure: { kind: 'server', ...error } };
}

function member(result: StaffResult<unknown>): StaffResult<StaffMember> {
  if (!result.ok) return result;
  const parsed = staffMemberSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}

export async function listStaff(): Promise<StaffResult<StaffMember[]>> {
  const result = await request('GET', STAFF_URL);
  if (!result.ok) return result;
  const list = (result.value as { staff?: unknown } | null)?.staff;
  const parsed = Array.isArray(list) ? list.map((item) => staffMemberSchema.safeParse(item)) : null;
  if (!parsed || parsed.some((item) => !item.success)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: parsed.flatMap((item) => (item.success ? [item.data] : [])) };
}

export async function createStaff(input: StaffInput): Promise<StaffResult<StaffMember>> {
  return member(await request('POST', STAFF_URL, input));
}

export async function updateStaff(id: string, update: StaffUpdate): Promise<StaffResult<StaffMember>> {
  return member(await request('PATCH', `${STAFF_URL}/${encodeURIComponent(id)}`, update));
}
