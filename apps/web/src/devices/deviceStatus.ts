import type { DeviceRecord } from './devicesApi';

/** How a listed device stands for the phone showing the list. */
export type DeviceStatus = 'this' | 'active' | 'removed';

/**
 * "This phone" wins over "Removed": a removed phone never lists devices (its token is
 * refused), so it can only be both for a moment before its next sync wipes it.
 */
export function deviceStatus(device: DeviceRecord, thisDeviceId: string): DeviceStatus {
  if (device.id === thisDeviceId) return 'this';
  return device.revokedAt === null ? 'active' : 'removed';
}

/** Only another, still active device can be removed here; this phone is left by signing out. */
export function canRemove(status: DeviceStatus): boolean {
  return status === 'active';
}
