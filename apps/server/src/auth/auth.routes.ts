import type { FastifyInstance } from 'fastify';
import { registerRequestSchema, signInRequestSchema } from '@opentill/domain';
import { publicRoute } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import type { AuthService } from './auth.service.js';

export interface RateLimit {
  max: number;
  timeWindow: number | string;
}

/** Sign-in and registration attempts allowed per client address per minute (PIN guessing). */
export const AUTH_RATE_LIMIT: RateLimit = { max: 10, timeWindow: '1 minute' };

export function authRoutes(auth: AuthService, rateLimit: RateLimit = AUTH_RATE_LIMIT) {
  return async (app: FastifyInstance) => {
    const options = { ...publicRoute, config: { ...publicRoute.config, rateLimit } };

    app.post('/auth/register', options, async (request, reply) => {
      const input = parseInput(registerRequestSchema, request.body);
      return reply.status(201).send(await auth.register(input, requestContext(request)));
    });

    app.post('/auth/sign-in', options, async (request) => {
      const input = parseInput(signInRequestSchema, request.body);
      return auth.signIn(input, requestContext(request));
    });
  };
}
