import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** One of the shop's devices as GET /api/v1/devices lists it (docs/API.md "Devices"). */
export interface DeviceRecord {
  id: string;
  name: string | null;
  branchId: string;
  /** The name of whoever signed the device in; null if that is no longer known. */
  registeredBy: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

const DEVICES_URL = '/api/v1/devices';

const isString = (value: unknown): value is string => typeof value === 'string';
const isOptionalString = (value: unknown): value is string | null => value === null || isString(value);
const isTime = (value: unknown): value is string => isString(value) && !Number.isNaN(Date.parse(value));
const isOptionalTime = (value: unknown): value is string | null => value === null || isTime(value);

/** Checks one listed device; an answer this app cannot read is refused rather than shown wrong. */
export function readDevice(value: unknown): DeviceRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, branchId, registeredBy, lastSeenAt, revokedAt, createdAt } = value as Record<string, unknown>;
  if (!isString(id) || !isString(branchId) || !isOptionalString(name) || !isOptionalString(registeredBy)) return null;
  if (!isOptionalTime(lastSeenAt) || !isOptionalTime(revokedAt) || !isTime(createdAt)) return null;
  return { id, name, branchId, registeredBy, lastSeenAt, revokedAt, createdAt };
}

/** The shop's devices, newest first (the server's order). Online only. */
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
