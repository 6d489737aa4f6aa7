import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { testSession } from '../testing/fixtures';
import { errorResponse, onlineApiTest } from '../testing/onlineApi';
import { listDevices, readDevice, revokeDevice, type DeviceRecord } from './devicesApi';

const TILL_ID = '8d2f3e4a-5b6c-4d7e-8f90-a1b2c3d4e5f6';
const till: DeviceRecord = {
  id: TILL_ID,
  name: null,
  branchId: testSession().branch.id,
  registeredBy: 'Nomsa Dlamini',
  lastSeenAt: '2026-11-23T12:20:00.000Z',
  revokedAt: null,
  createdAt: '2026-11-20T08:00:00.000Z',
};
const fetchMock = onlineApiTest();

describe('the devices API client', () => {
  it('lists the shop’s devices with the device token, in the server’s order', async () => {
    const removed = { ...till, id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a', revokedAt: '2026-11-23T12:30:00.000Z' };
    fetchMock.mockResolvedValueOnce(Response.json({ devices: [removed, till] }));
    expect(await listDevices()).toEqual({ ok: true, value: [removed, till] });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/devices');
    expect(init?.method).toBe('GET');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer test-token');
  });

  it('removes a device with an empty POST and reads the empty 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    expect(await revokeDevice(TILL_ID)).toEqual({ ok: true, value: null });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/devices/${TILL_ID}/revoke`);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBeUndefined();
  });

  it('passes on the refusals: this phone itself (403), removed already (404)', async () => {
    fetchMock.mockResolvedValueOnce(errorResponse(403, 'OT_ERR_FORBIDDEN', 'You may not do this.'));
    expect(await revokeDevice(testSession().device.id)).toEqual({
      ok: false,
      failure: { kind: 'forbidden', message: 'You may not do this.' },
    });
    fetchMock.mockResolvedValueOnce(errorResponse(404, 'OT_ERR_DEVICE_NOT_FOUND', 'No such device.'));
    expect(await revokeDevice(TILL_ID)).toEqual({
      ok: false,
      failure: { kind: 'server', code: 'OT_ERR_DEVICE_NOT_FOUND', message: 'No such device.', details: [] },
    });
  });

  it('says offline without trying, unreachable when nothing answers, unexpected for a list it cannot read', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(await listDevices()).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(await revokeDevice(TILL_ID)).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(fetchMock).not.toHaveBeenCalled();

    vi.stubGlobal('navigator', { onLine: true });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await revokeDevice(TILL_ID)).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    fetchMock.mockResolvedValueOnce(Response.json({ devices: [{ ...till, createdAt: 'yesterday' }] }));
    expect(await listDevices()).toEqual({ ok: false, failure: { kind: 'unexpected' } });
    fetchMock.mockResolvedValueOnce(Response.json({ staff: [] }));
    expect(await listDevices()).toEqual({ ok: false, failure: { kind: 'unexpected' } });
  });
});

describe('readDevice', () => {
  it('accepts nulls where the server may send them and nothing else', () => {
    expect(readDevice({ ...till, registeredBy: null, lastSeenAt: null })).toEqual({
      ...till,
      registeredBy: null,
      lastSeenAt: null,
    });
    expect(readDevice({ ...till, name: 7 })).toBeNull();
    expect(readDevice({ ...till, lastSeenAt: 'soon' })).toBeNull();
    expect(readDevice(null)).toBeNull();
  });
});
