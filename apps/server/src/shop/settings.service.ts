import type { ShopSettings, ShopSettingsPatch } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db } from '../db/client.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import { readShopSettings, writeShopSettings } from './settings.repository.js';

export interface ShopSettingsService {
  read(claims: DeviceClaims): Promise<ShopSettings>;
  /** SS3: changes what the patch names, audited with before and after; every till gets it on its next sync. */
  change(claims: DeviceClaims, patch: ShopSettingsPatch, context: RequestContext): Promise<ShopSettings>;
}

export function createShopSettingsService(db: Db): ShopSettingsService {
  return {
    read: (claims) => db.withTenant(claims.tenantId, (tx) => readShopSettings(tx, claims.tenantId)),
    change: (claims, patch, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const { before, after } = await writeShopSettings(tx, claims.tenantId, (current) => ({ ...current, ...patch }));
        await recordAudit(tx, {
          tenantId: claims.tenantId,
          action: 'shop.settings_changed',
          actorUserId: claims.userId,
          actorDeviceId: claims.deviceId,
          ...context,
          details: { before, after },
        });
        return after;
      }),
  };
}
