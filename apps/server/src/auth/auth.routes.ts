import type { FastifyInstance } from 'fastify';
import { registerRequestSchema, signInRequestSchema } from '@opentill/domain';
import { publicRoute } from '../http/guard.js';
import { AppError } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import type { AuthService } from './auth.service.js';
import type { AttemptGuard } from './attempt-guard.js';
import type { LockoutService } from './lockout.service.js';

export interface RateLimit {
  max: number;
  timeWindow: number | string;
}

/** Sign-in and registration attempts allowed per client address per minute (PIN guessing). */
export const AUTH_RATE_LIMIT: RateLimit = { max: 10, timeWindow: '1 minute' };

export interface AuthRouteOptions {
  /** Per-account lockout: wrong PINs for one phone, from any address. */
  attempts: AttemptGuard;
  lockouts: LockoutService;
  rateLimit?: RateLimit | undefined;
}

export function authRoutes(auth: AuthService, { attempts, lockouts, rateLimit = AUTH_RATE_LIMIT }: AuthRouteOptions) {
  return async (app: FastifyInstance) => {
    const options = { ...publicRoute, config: { ...publicRoute.config, rateLimit } };

    app.post('/auth/register', options, async (request, reply) => {
      const input = parseInput(registerRequestSchema, request.body);
      return reply.status(201).send(await auth.register(input, requestContext(request)));
    });

    app.post('/auth/sign-in', options, async (request) => {
      const input = parseInput(signInRequestSchema, request.body);
      const context = requestContext(request);
      // The schema normalized the phone (normalizeZaPhone), so every spelling shares one count.
      // Unknown phones are counted too: a lock must not tell which phones own a shop.
      await attempts.check('signin', input.phone);
      try {
        const session = await auth.signIn(input, context);
        await attempts.succeeded('signin', input.phone);
        return session;
      } catch (error) {
        if (error instanceof AppError && error.code === 'OT_ERR_INVALID_CREDENTIALS') {
          const lockout = await attempts.failed('signin', input.phone);
          if (lockout)
            await lockouts.recordSignInLockout(input.phone, lockout, { ...context, deviceId: input.deviceId });
        }
        throw error;
      }
    });
  };
}
