import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { claimsOf, requireAction } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import type { TokenService } from './tokens.js';
import type { DeviceService } from './devices.service.js';

const idParams = z.object({ id: z.uuid() });

/**
 * The shop's devices (`device:manage`): listed, and revoked. A revoked device's
 * token is refused everywhere from then on.
 */
export function deviceRoutes(devices: DeviceService, tokens: TokenService) {
  return async (app: FastifyInstance) => {
    const guard = requireAction(tokens, 'device:manage', devices.isActive);

    app.get('/devices', guard, async (request) => ({ devices: await devices.list(claimsOf(request)) }));

    app.post('/devices/:id/revoke', guard, async (request, reply) => {
      const { id } = parseInput(idParams, request.params);
      await devices.revoke(claimsOf(request), id, requestContext(request));
      return reply.status(204).send();
    });
  };
}
