import * as z from 'zod/mini';

/**
 * Reading the audit log (`GET /api/v1/audit`): the query an owner filters it by
 * and the page the server answers with, newest entry first.
 */
export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

/** An exact action (`auth.sign_in`) or an area's prefix ending in a dot (`auth.`). */
const actionFilterSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(/^[a-z]+\.(?:[a-z_]+)?$/, 'An action (auth.sign_in) or an area ending in a dot (auth.).'),
  );

/** Query strings carry numbers as text: only plain digits, so "1e2" or "0x10" is refused, not guessed at. */
function wholeNumber(min: number, max: number) {
  return z.pipe(
    z.string().check(z.regex(/^\d{1,15}$/, 'A whole number.')),
    z.pipe(z.transform(Number), z.number().check(z.gte(min), z.lte(max))),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A moment (ISO 8601 with an offset) or a calendar day (UTC). A day starts the
 * range at its first millisecond and ends it at its last, so `to` includes it.
 */
function instant(end: 'start' | 'end') {
  return z.pipe(
    z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
    z.transform((value) =>
      DAY.test(value) ? new Date(`${value}T${end === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`) : new Date(value),
    ),
  );
}

export const auditQuerySchema = z
  .object({
    action: z.optional(actionFilterSchema),
    /** The person who acted (`actor_user_id`). */
    userId: z.optional(z.uuid()),
    /** Inclusive bounds on when the entry was recorded. */
    from: z.optional(instant('start')),
    to: z.optional(instant('end')),
    /** Entries numbered below this one: the previous page's `nextBefore`. */
    before: z.optional(wholeNumber(1, Number.MAX_SAFE_INTEGER)),
    limit: z._default(wholeNumber(1, AUDIT_PAGE_MAX), AUDIT_PAGE_DEFAULT),
  })
  .check(
    z.refine((query) => !query.from || !query.to || query.from <= query.to, {
      message: 'The range ends before it starts.',
      path: ['to'],
    }),
  );

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Whether an action filter names a whole area (`auth.`) rather than one action. */
export function isAuditAreaFilter(action: string): boolean {
  return action.endsWith('.');
}

/** One entry as the log's reader sees it: who (by name too), what, from where. */
export const auditLogEntrySchema = z.object({
  seq: z.int().check(z.gte(1)),
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  actorUserId: z.nullable(z.uuid()),
  /** The actor's name as it is now; null when there is no actor. */
  actorName: z.nullable(z.string()),
  actorDeviceId: z.nullable(z.uuid()),
  /** The device's name, if it was given one. */
  actorDeviceName: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});

export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z.object({
  entries: z.array(auditLogEntrySchema),
  /** Pass as `before` for the next (older) page; null when this page reaches the first entry. */
  nextBefore: z.nullable(z.int()),
});

export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
