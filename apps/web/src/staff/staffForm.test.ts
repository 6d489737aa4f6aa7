import { describe, expect, it } from 'vitest';
import { EMPTY_STAFF_FORM, readStaffForm } from './staffForm';

const BRANCH = '22222222-2222-4222-8222-222222222222';

describe('readStaffForm', () => {
  it('gives a cashier this device’s branch, and leaves a blank phone out', () => {
    expect(readStaffForm({ ...EMPTY_STAFF_FORM, name: ' Thandi Nkosi ', pin: '1111' }, BRANCH)).toEqual({
      ok: true,
      input: { name: 'Thandi Nkosi', role: 'CASHIER', branchIds: [BRANCH], pin: '1111' },
    });
  });

  it('gives tenant-wide roles no branch, and normalises the phone', () => {
    const result = readStaffForm({ name: 'Ayanda', phone: '082 123 4567', role: 'ADMIN', pin: '123456' }, BRANCH);
    expect(result).toEqual({
      ok: true,
      input: { name: 'Ayanda', phone: '+27821234567', role: 'ADMIN', branchIds: [], pin: '123456' },
    });
  });

  it('names the fields that are wrong', () => {
    const result = readStaffForm({ name: '  ', phone: '123', role: 'CASHIER', pin: '12a4' }, BRANCH);
    expect(result).toEqual({ ok: false, invalid: new Set(['name', 'phone', 'pin']) });
    expect(readStaffForm({ ...EMPTY_STAFF_FORM, name: 'Sipho', pin: '1234567' }, BRANCH)).toEqual({
      ok: false,
      invalid: new Set(['pin']),
    });
  });
});
