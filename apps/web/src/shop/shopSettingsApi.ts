import { shopSettingsSchema, type ShopSettings, type ShopSettingsPatch } from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

/** Changes the shop's settings (PATCH /api/v1/shop/settings, the owner's); online only, never queued. */
export async function changeShopSettings(patch: ShopSettingsPatch): Promise<ApiResult<ShopSettings>> {
  const result = await tokenRequest('PATCH', '/api/v1/shop/settings', patch);
  if (!result.ok) return result;
  const parsed = shopSettingsSchema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'unexpected' } };
}
