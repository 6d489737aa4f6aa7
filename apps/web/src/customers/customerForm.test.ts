import { describe, expect, it } from 'vitest';
import { readCustomerForm } from './customerForm';

describe('the customer form (SPEC CU1)', () => {
  it('CU1: reads a name, a South African mobile and a limit in rands', () => {
    expect(readCustomerForm({ name: ' Thandi ', phone: '082 555 1234', creditLimit: '200' })).toEqual({
      ok: true,
      details: { name: 'Thandi', phone: '+27825551234', creditLimit: 20_000 },
    });
    expect(readCustomerForm({ name: 'Sipho', phone: '', creditLimit: '' })).toEqual({
      ok: true,
      details: { name: 'Sipho', phone: '', creditLimit: null },
    });
  });

  it('CU1, M4: names every problem at once and never rounds a limit', () => {
    expect(readCustomerForm({ name: ' ', phone: '123', creditLimit: '12.345' })).toEqual({
      ok: false,
      problems: ['name', 'phone', 'creditLimit'],
    });
    expect(readCustomerForm({ name: 'Thandi', phone: '', creditLimit: '-5' })).toEqual({
      ok: false,
      problems: ['creditLimit'],
    });
  });
});
