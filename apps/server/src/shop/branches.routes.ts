import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { branchInputSchema, moveDeviceSchema } from '@opentill/domain';
import { requestContext } from '../http/request-context.js';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { BranchService } from './branches.service.js';

const idParams = z.object({ id: z.uuid() });

/**
 * The shop's branches (SPEC BR): listed to any till of the shop, added and
 * renamed by whoever may (`branch:manage`); a till is moved to its branch by
 * whoever manages devices (`device:manage`).
 */
export function branchRoutes(branches: BranchService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.get('/branches', requireAction(tokens, 'sync:push', activeDevice), async (request) => ({
      branches: await branches.list(claimsOf(request)),
    }));
    app.post('/branches', requireAction(tokens, 'branch:manage', activeDevice), async (request, reply) => {
      const input = parseInput(branchInputSchema, request.body);
      return reply.status(201).send(await branches.add(claimsOf(request), input, requestContext(request)));
    });
    app.patch('/branches/:id', requireAction(tokens, 'branch:manage', activeDevice), async (request) => {
      const { id } = parseInput(idParams, request.params);
      return branches.rename(
        claimsOf(request),
        id,
        parseInput(branchInputSchema, request.body),
        requestContext(request),
      );
    });
    app.put('/devices/current/branch', requireAction(tokens, 'device:manage', activeDevice), async (request) => {
      const { branchId } = parseInput(moveDeviceSchema, request.body);
      return branches.moveThisDevice(claimsOf(request), branchId, requestContext(request));
    });
  };
}
