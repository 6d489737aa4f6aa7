import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { TokenService } from '../auth/tokens.js';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { BranchStockService } from './branch-stock.service.js';

const productParams = z.object({ id: z.uuid() });

/**
 * Stock by branch (SPEC BT14), for whoever may see stock: every branch, so a
 * branch short of something sees where to ask for a transfer.
 */
export function branchStockRoutes(stock: BranchStockService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/products/:id/stock', requireAction(tokens, 'stock:read', activeDevice), async (request) => {
      const { id } = parseInput(productParams, request.params);
      return { branches: await stock.list(claimsOf(request), id) };
    });
  };
}
