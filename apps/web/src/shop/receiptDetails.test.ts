import { describe, expect, it } from 'vitest';
import { shopSettingsPatchSchema } from '@opentill/domain';
import { receiptDetailsPatch } from './receiptDetails';

describe('the shop’s receipt details', () => {
  it('become a settings change the server takes; empty fields clear a setting', () => {
    const result = receiptDetailsPatch({ vatNumber: '4123 456 789', address: ' 12 Vilakazi St ', phone: '' });
    expect(result).toEqual({ patch: { vatNumber: '4123456789', address: '12 Vilakazi St', phone: null } });
    if ('patch' in result) expect(shopSettingsPatchSchema.safeParse(result.patch).success).toBe(true);
    expect(receiptDetailsPatch({ vatNumber: '', address: '', phone: '' })).toEqual({
      patch: { vatNumber: null, address: null, phone: null },
    });
  });

  it('refuse a VAT number that is not 10 digits starting with 4, and a phone that is not one', () => {
    expect(receiptDetailsPatch({ vatNumber: '5123456789', address: '', phone: 'call me' })).toEqual({
      problems: ['vatNumber', 'phone'],
    });
    expect(receiptDetailsPatch({ vatNumber: '412345678', address: '', phone: '021 555 0123' })).toEqual({
      problems: ['vatNumber'],
    });
  });
});
