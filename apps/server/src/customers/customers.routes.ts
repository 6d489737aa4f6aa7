import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { CustomersService } from './customers.service.js';

const customerParams = z.object({ id: z.uuid() });

/**
 * A customer's statement for whoever may look up sales (`sales:read`: every till
 * role, managers and auditors), in the token's shop only (SPEC CU2, CU5).
 */
export function customerRoutes(customers: CustomersService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/customers/:id/statement', requireAction(tokens, 'sales:read', activeDevice), async (request) => {
      const { id } = parseInput(customerParams, request.params);
      return customers.statement(claimsOf(request), id);
    });
  };
}
