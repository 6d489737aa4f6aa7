import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { refreshRequestSchema } from '@opentill/domain';
import { claimsOf, publicRoute, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import type { RateLimit } from './auth.routes.js';
import type { SessionService } from './sessions.service.js';
import type { TokenService } from './tokens.js';

const idParams = z.object({ id: z.uuid() });

/**
 * Refreshes allowed per client address per minute. Higher than sign-in's: a branch's
 * tills share one address behind its router and all refresh after an outage. No
 * lockout: a refresh token (256 bits) or a device signature cannot be guessed, and
 * a stolen token is caught by reuse detection, not by counting (D23).
 */
export const REFRESH_RATE_LIMIT: RateLimit = { max: 60, timeWindow: '1 minute' };

/** Refresh (public: the access token may have expired), and the sessions one can see and end (SPEC ID17). */
export function sessionRoutes(
  sessions: SessionService,
  tokens: TokenService,
  activeDevice: DeviceCheck,
  rateLimit: RateLimit = REFRESH_RATE_LIMIT,
) {
  return async (app: FastifyInstance) => {
    const refreshOptions = { ...publicRoute, config: { ...publicRoute.config, rateLimit } };

    app.post('/auth/refresh', refreshOptions, async (request) =>
      sessions.refresh(parseInput(refreshRequestSchema, request.body), requestContext(request)),
    );

    const self = requireAction(tokens, 'account:self', activeDevice);

    app.get('/sessions', self, async (request) => ({ sessions: await sessions.list(claimsOf(request)) }));

    app.post('/sessions/:id/revoke', self, async (request, reply) => {
      const { id } = parseInput(idParams, request.params);
      await sessions.revoke(claimsOf(request), id, requestContext(request));
      return reply.status(204).send();
    });
  };
}
