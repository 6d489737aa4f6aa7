import { describe, expect, it } from 'vitest';
import { normalizeZaPhone, registerRequestSchema } from './registration.js';

describe('normalizeZaPhone', () => {
  it.each([
    ['082 123 4567', '+27821234567'],
    ['+27 82 123 4567', '+27821234567'],
    ['0027821234567', '+27821234567'],
    ['(011) 555-1234', '+27115551234'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeZaPhone(input)).toBe(expected);
  });

  it.each(['12345', '082 123 456', '+44 20 7946 0958', '0012345678'])('rejects %s', (input) => {
    expect(normalizeZaPhone(input)).toBeNull();
  });
});

describe('registerRequestSchema', () => {
  const valid = {
    businessName: "Nomsa's Spaza",
    ownerName: 'Nomsa Dlamini',
    phone: '082 123 4567',
    pin: '4321',
    deviceId: '0190a4d2-6b7c-7d8e-9f01-23456789abcd',
  };

  it('normalizes the phone number', () => {
    const parsed = registerRequestSchema.parse(valid);
    expect(parsed.phone).toBe('+27821234567');
  });

  it.each([{ pin: '12' }, { pin: '12345a' }, { phone: 'not a phone' }, { businessName: ' ' }, { deviceId: 'abc' }])(
    'rejects %j',
    (change) => {
      expect(registerRequestSchema.safeParse({ ...valid, ...change }).success).toBe(false);
    },
  );
});
