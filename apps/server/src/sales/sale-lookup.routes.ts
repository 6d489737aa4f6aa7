import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { parseReceiptQuery, type ReceiptQuery } from '@opentill/domain';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { SaleLookupService } from './sale-lookup.service.js';

const lookupQuery = z.object({
  receipt: z.pipe(
    z.string().check(z.maxLength(120)),
    z.transform((text, context): ReceiptQuery => {
      const query = parseReceiptQuery(text);
      if (query) return query;
      context.issues.push({ code: 'custom', input: text, message: 'Not a receipt number (e.g. 3F9A1C-42) or code.' });
      return z.NEVER;
    }),
  ),
});

/** Finding a sale by its receipt, for whoever may look up past sales (`sales:read`), in the token's shop only. */
export function saleLookupRoutes(lookup: SaleLookupService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/sales/lookup', requireAction(tokens, 'sales:read', activeDevice), async (request) => {
      const { receipt } = parseInput(lookupQuery, request.query);
      return lookup.byReceipt(claimsOf(request), receipt);
    });
  };
}
