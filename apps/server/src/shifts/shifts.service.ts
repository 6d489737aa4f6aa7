import { shiftReport, type ShiftReportAnswer } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { readShiftActivity } from './shifts.repository.js';
import { readShiftPayments } from '../customers/customers.repository.js';

export interface ShiftsService {
  /** SH4, SH6: a shift's X or Z report from what the server holds, and whether it holds everything yet. */
  report(claims: DeviceClaims, deviceId: string, localId: string): Promise<ShiftReportAnswer>;
}

export function createShiftsService(db: Db): ShiftsService {
  return {
    report: (claims, deviceId, localId) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const activity = await readShiftActivity(tx, claims.tenantId, deviceId, localId);
        if (!activity) throw new AppError('OT_ERR_SHIFT_NOT_FOUND');
        const { shift } = activity;
        const payments = await readShiftPayments(tx, claims.tenantId, deviceId, localId);
        const recorded = shift.recorded as ShiftReportAnswer['recorded'];
        const received = {
          sales: activity.sales.length,
          refunds: activity.refunds.length,
          movements: activity.movements.length,
          payments: payments.length,
        };
        return {
          shift: {
            deviceId: shift.deviceId,
            localId: shift.localId,
            float: shift.float,
            openedAt: shift.openedAt.toISOString(),
            closedAt: shift.closedAt?.toISOString() ?? null,
            countedTotal: shift.countedTotal,
          },
          report: shiftReport({
            float: shift.float,
            sales: activity.sales,
            refunds: activity.refunds,
            movements: activity.movements,
            payments,
            ...(shift.countedTotal !== null && { counted: shift.countedTotal }),
          }),
          recorded,
          received,
          complete:
            recorded !== null &&
            recorded.sales === received.sales &&
            recorded.refunds === received.refunds &&
            recorded.movements === received.movements &&
            // SH6: a device before customers sent no payments count (and took none).
            (recorded.payments ?? 0) === received.payments,
        };
      }),
  };
}
