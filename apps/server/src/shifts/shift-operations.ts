import { countedCash, type Operation } from '@opentill/domain';
import type { Transaction } from '../db/client.js';
import { recordAudit } from '../audit/audit-log.service.js';
import { closeShift, insertCashMovement, insertShift, type ShiftOrigin } from './shifts.repository.js';

export type ShiftOperation = Extract<Operation, { type: 'OPEN_SHIFT' | 'RECORD_CASH_MOVEMENT' | 'CLOSE_SHIFT' }>;

const SHIFT_TYPES = new Set<Operation['type']>(['OPEN_SHIFT', 'RECORD_CASH_MOVEMENT', 'CLOSE_SHIFT']);

export function isShiftOperation(operation: Operation): operation is ShiftOperation {
  return SHIFT_TYPES.has(operation.type);
}

/**
 * Applies a shift's opening, cash movement or close (SPEC SH), each audited in
 * the push's transaction: the drawer's money is as sensitive as a sale.
 */
export async function applyShiftOperation(
  tx: Transaction,
  origin: ShiftOrigin,
  operation: ShiftOperation,
  actorId: string,
): Promise<'created' | 'unknown-shift' | 'already-closed'> {
  const audit = (action: 'shift.opened' | 'shift.cash_movement' | 'shift.closed', details: Record<string, unknown>) =>
    recordAudit(tx, {
      tenantId: origin.tenantId,
      action,
      actorUserId: actorId,
      actorDeviceId: origin.deviceId,
      details,
    });
  switch (operation.type) {
    case 'OPEN_SHIFT':
      await insertShift(tx, origin, actorId, operation.data);
      await audit('shift.opened', { shiftId: operation.data.localId, float: operation.data.float });
      return 'created';
    case 'RECORD_CASH_MOVEMENT': {
      const outcome = await insertCashMovement(tx, origin, actorId, operation.data);
      const { shiftId, kind, amount, reason } = operation.data;
      if (outcome === 'created') await audit('shift.cash_movement', { shiftId, kind, amount, reason });
      return outcome;
    }
    case 'CLOSE_SHIFT': {
      const outcome = await closeShift(tx, origin, actorId, operation.data);
      if (outcome !== 'closed') return outcome;
      const { shiftId, recorded } = operation.data;
      await audit('shift.closed', { shiftId, counted: countedCash(operation.data.counted), recorded });
      return 'created';
    }
  }
}
