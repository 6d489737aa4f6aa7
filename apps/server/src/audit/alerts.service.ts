import { ALERT_KINDS, type Alerts, type FlaggedSale } from '@opentill/domain';
import type { Db } from '../db/client.js';
import type { DeviceClaims } from '../auth/tokens.js';
import { listSecurityAlerts } from './audit-log.repository.js';
import { AppError } from '../http/errors.js';
import { recordAudit, type RequestContext } from './audit-log.service.js';
import { listOpenAlerts, resolveAlert } from './integrity.repository.js';

/** Most of each list one answer carries; the audit log holds the rest. */
const ALERTS_LIMIT = 50;

export interface AlertsService {
  /** What the owner should look at (SPEC AU7): security events after `afterSeq`, and open flagged sales. */
  list(claims: DeviceClaims, afterSeq: number): Promise<Alerts>;
  /** Marks a flagged sale as checked: its alert closes, audited. */
  resolve(claims: DeviceClaims, alertId: string, context: RequestContext): Promise<void>;
}

export function createAlertsService(db: Db, now: () => Date = () => new Date()): AlertsService {
  return {
    list: (claims, afterSeq) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const security = await listSecurityAlerts(tx, claims.tenantId, afterSeq, ALERTS_LIMIT);
        const open = await listOpenAlerts(tx, claims.tenantId, ALERTS_LIMIT);
        const flaggedSales = open.map((row): FlaggedSale => ({
          id: row.id,
          kind: ALERT_KINDS.find((kind) => kind === row.kind) ?? 'unauthorized',
          reason: reasonOf(row.details),
          chainSeq: row.chainSeq,
          deviceId: row.deviceId,
          deviceName: row.deviceName,
          createdAt: row.createdAt.toISOString(),
          sale:
            row.saleLocalId === null || row.saleTotal === null || row.saleCreatedAt === null
              ? null
              : {
                  localId: row.saleLocalId,
                  totalAmount: row.saleTotal,
                  createdAt: row.saleCreatedAt.toISOString(),
                  by: row.saleBy,
                },
        }));
        return { security, flaggedSales };
      }),

    resolve: (claims, alertId, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const closed = await resolveAlert(tx, claims.tenantId, alertId, now());
        if (!closed) throw new AppError('OT_ERR_ALERT_NOT_FOUND');
        await recordAudit(tx, {
          tenantId: claims.tenantId,
          action: 'alert.resolved',
          actorUserId: claims.userId,
          actorDeviceId: claims.deviceId,
          ...context,
          details: { alertId, kind: closed.kind, deviceId: closed.deviceId, ...(closed.details as object) },
        });
      }),
  };
}

function reasonOf(details: unknown): string | null {
  const reason = (details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : null;
}
