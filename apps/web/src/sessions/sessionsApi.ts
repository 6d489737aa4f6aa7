import { sessionRecordSchema, type SessionRecord } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

export type { SessionRecord };

const SESSIONS_URL = '/api/v1/sessions';

/** Checks one listed session; an answer this app cannot read is refused rather than shown wrong. */
export function readSession(value: unknown): SessionRecord | null {
  const parsed = sessionRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One's own live sessions, or the whole shop's for someone who manages staff; most recently used first. */
export async function listSessions(): Promise<ApiResult<SessionRecord[]>> {
  const result = await tokenRequest('GET', SESSIONS_URL);
  if (!result.ok) return result;
  const list = (result.value as { sessions?: unknown } | null)?.sessions;
  const sessions = Array.isArray(list) ? list.map(readSession) : null;
  if (!sessions || sessions.some((session) => session === null)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: sessions.filter((session): session is SessionRecord => session !== null) };
}

/** Ends a session: its phone stops syncing once its access token runs out, and must sign in again. */
export async function endSession(id: string): Promise<ApiResult<null>> {
  const result = await tokenRequest('POST', `${SESSIONS_URL}/${encodeURIComponent(id)}/revoke`);
  return result.ok ? { ok: true, value: null } : result;
}
