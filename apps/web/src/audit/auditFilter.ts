import {
  AUDIT_ACTIONS,
  AUDIT_PAGE_DEFAULT,
  type AuditAction,
  type AuditLogEntry,
  type StaffMember,
} from '@opentill/domain';

/** An area of the log: the part of an action's name before the dot (`auth` of `auth.sign_in`). */
export type AuditArea = AuditAction extends `${infer Area}.${string}` ? Area : never;

/** The log's areas in catalogue order, each once: the "What" choices besides everything. */
export const AUDIT_AREAS: readonly AuditArea[] = [
  ...new Set(Object.keys(AUDIT_ACTIONS).map((action) => action.slice(0, action.indexOf('.')) as AuditArea)),
];

/** What the owner picked in the filter bar; days are the date inputs' `YYYY-MM-DD` (or empty), local time. */
export interface AuditFilter {
  area: AuditArea | null;
  userId: string | null;
  fromDay: string;
  toDay: string;
}

export const NO_FILTER: AuditFilter = { area: null, userId: null, fromDay: '', toDay: '' };

export function isFiltered(filter: AuditFilter): boolean {
  return filter.area !== null || filter.userId !== null || filter.fromDay !== '' || filter.toDay !== '';
}

/** Whether the range ends before it starts (the server would refuse it). */
export function isBackwards(filter: AuditFilter): boolean {
  return filter.fromDay !== '' && filter.toDay !== '' && filter.toDay < filter.fromDay;
}

/** A calendar day on this phone's clock, from its first to its last millisecond (the shop's day, not UTC's). */
function localDay(day: string, edge: 'start' | 'end'): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return edge === 'start'
    ? new Date(year, month - 1, date)
    : new Date(new Date(year, month - 1, date + 1).getTime() - 1);
}

/** The query string of `GET /api/v1/audit` for this filter; `before` asks for the page older than it. */
export function auditSearchParams(filter: AuditFilter, before?: number, limit = AUDIT_PAGE_DEFAULT): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.area) params.set('action', `${filter.area}.`);
  if (filter.userId) params.set('userId', filter.userId);
  if (filter.fromDay) params.set('from', localDay(filter.fromDay, 'start').toISOString());
  if (filter.toDay) params.set('to', localDay(filter.toDay, 'end').toISOString());
  if (before !== undefined) params.set('before', String(before));
  params.set('limit', String(limit));
  return params;
}

export interface PersonOption {
  id: string;
  name: string;
}

/** The people who acted in these entries, each once. */
export function actorsOf(entries: readonly AuditLogEntry[]): PersonOption[] {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.actorUserId && entry.actorName) names.set(entry.actorUserId, entry.actorName);
  }
  return [...names].map(([id, name]) => ({ id, name }));
}

/**
 * The "Who" choices, by name: the shop's staff when this person may list them, plus
 * everyone seen acting in the log (an auditor cannot list staff; a removed name still shows).
 */
export function personOptions(staff: readonly StaffMember[] | null, actors: readonly PersonOption[]): PersonOption[] {
  const names = new Map<string, string>();
  for (const actor of actors) names.set(actor.id, actor.name);
  for (const member of staff ?? []) names.set(member.id, member.name);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
