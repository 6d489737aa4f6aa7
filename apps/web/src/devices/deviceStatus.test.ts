import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiFailure } from '../api/tokenRequest';
import { en } from '../i18n/en';
import { enStaffArea } from '../i18n/enStaffArea';
import type { DeviceRecord } from './devicesApi';
import { devicesFailureMessage } from './devicesFailureMessage';
import { canRemove, deviceStatus } from './deviceStatus';

const THIS_ID = '7c1e2d3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const device: DeviceRecord = {
  id: '8d2f3e4a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
  name: 'Till 2',
  branchId: '22222222-2222-4222-8222-222222222222',
  registeredBy: 'Nomsa Dlamini',
  lastSeenAt: null,
  revokedAt: null,
  createdAt: '2026-11-20T08:00:00.000Z',
};

describe('deviceStatus', () => {
  it('marks this phone, other active phones and removed ones; only another active phone can be removed', () => {
    expect(deviceStatus({ ...device, id: THIS_ID }, THIS_ID)).toBe('this');
    expect(deviceStatus(device, THIS_ID)).toBe('active');
    expect(deviceStatus({ ...device, revokedAt: '2026-11-23T12:30:00.000Z' }, THIS_ID)).toBe('removed');
    expect([canRemove('this'), canRemove('active'), canRemove('removed')]).toEqual([false, true, false]);
  });
});

describe('devicesFailureMessage', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ lng: 'en', resources: { en: { translation: { ...en, ...enStaffArea } } } });
  });
  it('words a phone removed meanwhile in the owner’s terms, and passes other server words on', () => {
    const notFound: ApiFailure = { kind: 'server', code: 'OT_ERR_DEVICE_NOT_FOUND', message: 'x', details: [] };
    expect(devicesFailureMessage(notFound, i18n.t)).toBe('That phone was already removed.');
    const other: ApiFailure = { kind: 'server', code: 'OT_ERR_DEVICE_UNKNOWN', message: 'Sign in again.', details: [] };
    expect(devicesFailureMessage(other, i18n.t)).toBe('Sign in again.');
    expect(devicesFailureMessage({ kind: 'forbidden', message: 'No.' }, i18n.t)).toBe(
      'You may not remove this device: No.',
    );
    expect(devicesFailureMessage({ kind: 'offline' }, i18n.t)).toBe(
      'You are offline. Connect to the internet and try again.',
    );
  });
});
