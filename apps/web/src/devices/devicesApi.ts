import { deviceRecordSchema, type DeviceRecord } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

export type { DeviceRecord };

const DEVICES_URL = '/api/v1/devices';

/** Checks one listed device; an answer this app cannot read is refused rather than shown wrong. */
export function readDevice(value: unknown): DeviceRecord | null {
  const parsed = deviceRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function listDevices(): Promise<ApiResult<DeviceRecord[]>> {
  const result = await tokenRequest('GET', DEVICES_URL);
  if (!result.ok) return result;
  const list = (result.value as { devices?: unknown } | null)?.devices;
  const devices = Array.isArray(list) ? list.map(readDevice) : null;
  if (!devices || devices.some((device) => device === null)) return { ok: false, failure: { kind: 'unexpected' } };
  return { ok: true, value: devices.filter((device): device is DeviceRecord => device !== null) };
}

/** Removes another device from the shop: it sends the sales it holds, then wipes itself. */
export async function revokeDevice(id: string): Promise<ApiResult<null>> {
  const result = await tokenRequest('POST', `${DEVICES_URL}/${encodeURIComponent(id)}/revoke`);
  return result.ok ? { ok: true, value: null } : result;
}
