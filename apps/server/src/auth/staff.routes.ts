import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { staffInputSchema, staffUpdateSchema } from '@opentill/domain';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import type { TokenService } from './tokens.js';
import type { StaffService } from './staff.service.js';

const idParams = z.object({ id: z.uuid() });

export function staffRoutes(staff: StaffService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/staff/roster', requireAction(tokens, 'sync:push', activeDevice), async (request) => ({
      staff: await staff.roster(claimsOf(request)),
    }));

    app.get('/staff', requireAction(tokens, 'user:manage', activeDevice), async (request) => ({
      staff: await staff.list(claimsOf(request)),
    }));

    app.post('/staff', requireAction(tokens, 'user:manage', activeDevice), async (request, reply) => {
      const input = parseInput(staffInputSchema, request.body);
      return reply.status(201).send(await staff.create(claimsOf(request), input, requestContext(request)));
    });

    app.patch('/staff/:id', requireAction(tokens, 'user:manage', activeDevice), async (request) => {
      const { id } = parseInput(idParams, request.params);
      const input = parseInput(staffUpdateSchema, request.body);
      return staff.update(claimsOf(request), id, input, requestContext(request));
    });
  };
}
