import type { FastifyInstance } from 'fastify';
import { shopSettingsPatchSchema } from '@opentill/domain';
import { requestContext } from '../http/request-context.js';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { ShopSettingsService } from './settings.service.js';

/** The shop's settings: read by any till of the shop, changed by whoever may (`settings:write`: the owner). */
export function shopSettingsRoutes(settings: ShopSettingsService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/shop/settings', requireAction(tokens, 'sync:push', activeDevice), async (request) =>
      settings.read(claimsOf(request)),
    );
    app.patch('/shop/settings', requireAction(tokens, 'settings:write', activeDevice), async (request) =>
      settings.change(claimsOf(request), parseInput(shopSettingsPatchSchema, request.body), requestContext(request)),
    );
  };
}
