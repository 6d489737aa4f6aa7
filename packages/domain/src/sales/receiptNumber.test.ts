import { describe, expect, it } from 'vitest';
import { devicePrefix, legacyDevicePrefix, parseReceiptQuery, receiptCode, receiptNumber } from './receiptNumber.js';

const DEVICE = '3f9a1c2b-0000-4000-8000-0000000000d1';

describe('receipt numbers and codes (SPEC RC)', () => {
  it('RC1: a number is the device prefix and the chain seq', () => {
    expect(devicePrefix(3)).toBe('T3');
    expect(receiptNumber(devicePrefix(3), 42)).toBe('T3-42');
    expect(legacyDevicePrefix(DEVICE)).toBe('3F9A1C');
  });

  it('RC2, RC3: a code names the sale exactly and reads back', () => {
    const code = receiptCode(DEVICE, 'sale_0000000001');
    expect(parseReceiptQuery(code)).toEqual({ kind: 'code', deviceId: DEVICE, localId: 'sale_0000000001' });
    expect(parseReceiptQuery(` ${code.toUpperCase().replace('SALE', 'sale')} `)).toMatchObject({ kind: 'code' });
  });

  it('RC3: a typed number forgives case and spaces', () => {
    expect(parseReceiptQuery('3f9a1c - 42')).toEqual({ kind: 'number', prefix: '3F9A1C', seq: 42 });
    expect(parseReceiptQuery(receiptNumber('T12', 7))).toEqual({ kind: 'number', prefix: 'T12', seq: 7 });
    expect(parseReceiptQuery('t12-7')).toEqual({ kind: 'number', prefix: 'T12', seq: 7 });
  });

  it('RC3: anything else is not a receipt', () => {
    for (const text of [
      '',
      'bread',
      '3F9A1C-0',
      'T-4',
      'TX1-4',
      '3F9A1-4',
      '3F9A1C-',
      'OT1:not-a-uuid:sale_0000000001',
      '6001234567890',
    ]) {
      expect(parseReceiptQuery(text)).toBeNull();
    }
  });
});
