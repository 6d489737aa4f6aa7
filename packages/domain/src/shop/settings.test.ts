import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS, shopSettingsOf, shopSettingsPatchSchema } from './settings.js';

describe('shop settings (SPEC SS)', () => {
  it('SS1: what a shop never set takes the default; what it set is kept', () => {
    expect(shopSettingsOf({})).toEqual(DEFAULT_SHOP_SETTINGS);
    expect(shopSettingsOf(null)).toEqual(DEFAULT_SHOP_SETTINGS);
    expect(shopSettingsOf({ cashRounding: true, somethingOld: 1 })).toEqual({
      ...DEFAULT_SHOP_SETTINGS,
      cashRounding: true,
    });
    expect(shopSettingsOf({ cashRounding: 'yes', vatNumber: '4123456789' })).toEqual({
      ...DEFAULT_SHOP_SETTINGS,
      vatNumber: '4123456789',
    });
  });

  it('VD7: a VAT number is ten digits starting with 4; the receipt details can be cleared', () => {
    expect(shopSettingsPatchSchema.safeParse({ vatNumber: '4123456789' }).success).toBe(true);
    expect(shopSettingsPatchSchema.safeParse({ vatNumber: '5123456789' }).success).toBe(false);
    expect(shopSettingsPatchSchema.safeParse({ vatNumber: null, address: null, phone: null }).success).toBe(true);
    expect(shopSettingsPatchSchema.safeParse({ address: ' ' }).success).toBe(false);
  });

  it('a change names at least one setting that exists, with its type', () => {
    expect(shopSettingsPatchSchema.safeParse({ cashRounding: true }).success).toBe(true);
    expect(shopSettingsPatchSchema.safeParse({ cashRounding: 1 }).success).toBe(false);
    expect(shopSettingsPatchSchema.safeParse({}).success).toBe(false);
  });
});
