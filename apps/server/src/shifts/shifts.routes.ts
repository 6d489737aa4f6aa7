import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { localIdSchema } from '@opentill/domain';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { ShiftsService } from './shifts.service.js';

const shiftParams = z.object({ deviceId: z.uuid(), localId: localIdSchema });

/** Shift reports for whoever may see X and Z reports (`register:read`), in the token's shop only. */
export function shiftRoutes(shifts: ShiftsService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get(
      '/shifts/:deviceId/:localId/report',
      requireAction(tokens, 'register:read', activeDevice),
      async (request) => {
        const { deviceId, localId } = parseInput(shiftParams, request.params);
        return shifts.report(claimsOf(request), deviceId, localId);
      },
    );
  };
}
