import { describe, expect, it } from 'vitest';
import type { Alerts, AuditLogEntry } from '@opentill/domain';
import { newestSeq, unseenCount } from './alertCount';

const entry = (seq: number): AuditLogEntry => ({
  seq,
  at: '2026-11-30T08:00:00.000Z',
  action: 'auth.sign_in',
  actorUserId: null,
  actorName: null,
  actorDeviceId: null,
  actorDeviceName: null,
  ip: null,
  userAgent: null,
  details: {},
});

const flagged: Alerts['flaggedSales'][number] = {
  id: '0b6f0a4e-95a8-4b8e-9d43-1f6a2b0d9c11',
  kind: 'unauthorized',
  reason: 'disabled',
  chainSeq: 3,
  deviceId: '3c1a0d0e-2f6b-4f7e-8d8a-5b8e4c2a7f10',
  deviceName: null,
  createdAt: '2026-11-30T08:00:00.000Z',
  sale: null,
};

describe('unseenCount and newestSeq', () => {
  it('counts security events after the last seen one, and every open flagged sale', () => {
    const alerts: Alerts = { security: [entry(9), entry(7), entry(4)], flaggedSales: [flagged] };
    expect(unseenCount(alerts, 0)).toBe(4);
    expect(unseenCount(alerts, 7)).toBe(2);
    expect(newestSeq(alerts, 7)).toBe(9);
    expect(newestSeq({ security: [], flaggedSales: [] }, 7)).toBe(7);
  });
});
