import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Action } from '@opentill/domain';
import type { DeviceClaims, TokenService } from '../auth/tokens.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAction` for authenticated routes. */
    claims?: DeviceClaims;
  }
  interface FastifyContextConfig {
    /** The action a route needs, or 'public'. Every /api route declares one (tested). */
    action?: Action | 'public';
  }
}

export const publicRoute: RouteShorthandOptions = { config: { action: 'public' } };

/** Whether the claims' device is still registered and not revoked. */
export type DeviceCheck = (claims: DeviceClaims) => Promise<boolean>;

/**
 * Route options for a route that needs a device token allowing `action`. With
 * `activeDevice`, a revoked device's token is refused too; routes whose service
 * checks the device itself under a lock (sync) pass none, saving a query a push.
 */
export function requireAction(tokens: TokenService, action: Action, activeDevice?: DeviceCheck): RouteShorthandOptions {
  return requireAnyAction(tokens, [action], activeDevice);
}

/**
 * As `requireAction`, for a route open to whoever may do any of `actions` (reading
 * suppliers: who manages them, or who receives their deliveries). The route table
 * lists the first.
 */
export function requireAnyAction(
  tokens: TokenService,
  actions: readonly [Action, ...Action[]],
  activeDevice?: DeviceCheck,
): RouteShorthandOptions {
  return {
    config: { action: actions[0] },
    preHandler: async (request: FastifyRequest, _reply: FastifyReply) => {
      const header = request.headers.authorization;
      const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (!match?.[1]) throw new AppError('OT_ERR_UNAUTHENTICATED');
      const claims = await tokens.verify(match[1]);
      if (!actions.some((action) => claims.permissions.includes(action))) throw new AppError('OT_ERR_UNAUTHENTICATED');
      if (activeDevice && !(await activeDevice(claims))) throw new AppError('OT_ERR_DEVICE_UNKNOWN');
      request.claims = claims;
    },
  };
}

/** The verified claims of an authenticated route's request. */
export function claimsOf(request: FastifyRequest): DeviceClaims {
  if (!request.claims) throw new AppError('OT_ERR_UNAUTHENTICATED');
  return request.claims;
}
