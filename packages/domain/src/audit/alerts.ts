import * as z from 'zod/mini';
import type { AuditAction } from './actions.js';
import { auditLogEntrySchema } from './query.js';

/**
 * What the owner is alerted to (issue 4 "Abuse", SPEC AU7): a phone joining the
 * shop (flagged unusual when it signs in from an address the shop has never used),
 * a sign-in locked after wrong PINs, a refresh token used twice, a person locked
 * out of a device by wrong PINs. Each is an audit entry; the alert is a view of them.
 */
export const SECURITY_ALERT_ACTIONS = [
  'auth.sign_in',
  'auth.locked_out',
  'token.reuse_detected',
  'auth.pin_failed',
] as const satisfies readonly AuditAction[];

export const ALERT_KINDS = ['gap', 'break', 'fork', 'unauthorized'] as const;

/** A sale the server kept but flagged for the owner to check (SPEC SY10, ID4, ID10). */
export const flaggedSaleSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  /**
   * Why an `unauthorized` sale was flagged: `disabled`, `not-permitted`, `device-revoked`,
   * `override-not-permitted`, `over-credit-limit` (CU1).
   */
  reason: z.nullable(z.string()),
  chainSeq: z.int(),
  deviceId: z.uuid(),
  deviceName: z.nullable(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  /** The sale, when the alert names one the server holds. */
  sale: z.nullable(
    z.object({
      localId: z.string(),
      totalAmount: z.int(),
      createdAt: z.iso.datetime({ offset: true }),
      by: z.nullable(z.string()),
    }),
  ),
});

export type FlaggedSale = z.infer<typeof flaggedSaleSchema>;

export const alertsSchema = z.object({
  /** Security events after `after` (a seq of the audit log), newest first. */
  security: z.array(auditLogEntrySchema),
  /** Open flagged sales, newest first. */
  flaggedSales: z.array(flaggedSaleSchema),
});

export type Alerts = z.infer<typeof alertsSchema>;

export const alertsQuerySchema = z.object({
  /** Only security events numbered above this (what the phone has shown already). */
  after: z._default(z.pipe(z.string().check(z.regex(/^\d{1,15}$/, 'A whole number.')), z.transform(Number)), 0),
});
