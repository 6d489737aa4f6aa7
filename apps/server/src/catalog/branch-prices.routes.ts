import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { branchPriceInputSchema } from '@opentill/domain';
import { requestContext } from '../http/request-context.js';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { BranchPriceService } from './branch-prices.service.js';

const productParams = z.object({ id: z.uuid() });
const branchParams = z.object({ id: z.uuid(), branchId: z.uuid() });

/**
 * A product's own price per branch (SPEC BP): read by whoever may see products,
 * set and removed centrally by whoever may change prices (`product:write`).
 */
export function branchPriceRoutes(prices: BranchPriceService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/products/:id/branch-prices', requireAction(tokens, 'product:read', activeDevice), async (request) => {
      const { id } = parseInput(productParams, request.params);
      return { branchPrices: await prices.list(claimsOf(request), id) };
    });
    app.put(
      '/products/:id/branch-prices/:branchId',
      requireAction(tokens, 'product:write', activeDevice),
      async (request) => {
        const { id, branchId } = parseInput(branchParams, request.params);
        const { price } = parseInput(branchPriceInputSchema, request.body);
        const target = { productId: id, branchId };
        return { branchPrices: await prices.set(claimsOf(request), target, price, requestContext(request)) };
      },
    );
    app.delete(
      '/products/:id/branch-prices/:branchId',
      requireAction(tokens, 'product:write', activeDevice),
      async (request) => {
        const { id, branchId } = parseInput(branchParams, request.params);
        const target = { productId: id, branchId };
        return { branchPrices: await prices.set(claimsOf(request), target, null, requestContext(request)) };
      },
    );
  };
}
