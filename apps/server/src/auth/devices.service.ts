import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import type { DeviceClaims } from './tokens.js';
import type { DeviceRecord } from '@opentill/domain';
import { isDeviceActive, listDevices, revokeDevice } from './devices.repository.js';

export interface DeviceService {
  list(claims: DeviceClaims): Promise<DeviceRecord[]>;
  /** Revokes another device of the shop, audited; the asking device cannot revoke itself. */
  revoke(claims: DeviceClaims, deviceId: string, context: RequestContext): Promise<void>;
  /** Whether the claims' device is registered and not revoked (the route guard's check). */
  isActive(claims: DeviceClaims): Promise<boolean>;
}

export function createDeviceService(db: Db): DeviceService {
  return {
    list: (claims) => db.withTenant(claims.tenantId, (tx) => listDevices(tx, claims.tenantId)),

    async revoke(claims, deviceId, context) {
      if (deviceId === claims.deviceId) throw new AppError('OT_ERR_FORBIDDEN');
      await db.withTenant(claims.tenantId, async (tx) => {
        if (!(await revokeDevice(tx, claims.tenantId, deviceId))) throw new AppError('OT_ERR_DEVICE_NOT_FOUND');
        await recordAudit(tx, {
          tenantId: claims.tenantId,
          action: 'device.revoked',
          actorUserId: claims.userId,
          actorDeviceId: claims.deviceId,
          ...context,
          details: { deviceId },
        });
      });
    },

    isActive: (claims) => db.withTenant(claims.tenantId, (tx) => isDeviceActive(tx, claims.tenantId, claims.deviceId)),
  };
}
