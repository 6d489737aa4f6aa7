import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS, shopSettingsOf, shopSettingsPatchSchema } from './settings.js';

describe('shop settings (SPEC SS)', () => {
  it('SS1: what a shop never set takes the default; what it set is kept', () => {
    expect(shopSettingsOf({})).toEqual(DEFAULT_SHOP_SETTINGS);
    expect(shopSettingsOf(null)).toEqual({ cashRounding: false });
    expect(shopSettingsOf({ cashRounding: true, somethingOld: 1 })).toEqual({ cashRounding: true });
    expect(shopSettingsOf({ cashRounding: 'yes' })).toEqual({ cashRounding: false });
  });

  it('a change names at least one setting that exists, with its type', () => {
    expect(shopSettingsPatchSchema.safeParse({ cashRounding: true }).success).toBe(true);
    expect(shopSettingsPatchSchema.safeParse({ cashRounding: 1 }).success).toBe(false);
    expect(shopSettingsPatchSchema.safeParse({}).success).toBe(false);
  });
});
