import type { FastifyInstance } from 'fastify';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import type { TokenService } from '../auth/tokens.js';
import type { TransferService } from './transfers.service.js';

/** The transfers of the device's branch (SPEC TR4): read online; sent and received through sync. */
export function transferRoutes(transfers: TransferService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/transfers', requireAction(tokens, 'stock:read', activeDevice), async (request) => ({
      transfers: await transfers.list(claimsOf(request)),
    }));
  };
}
