import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { alertsQuerySchema, auditQuerySchema } from '@opentill/domain';
import { claimsOf, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import type { TokenService } from '../auth/tokens.js';
import type { AuditLogService } from './audit-log.service.js';
import type { AlertsService } from './alerts.service.js';

const idParams = z.object({ id: z.uuid() });

/**
 * The shop's audit log and its alerts for whoever may read them (`audit:read`):
 * the token's tenant only, newest first.
 */
export function auditRoutes(
  audit: AuditLogService,
  alerts: AlertsService,
  tokens: TokenService,
  activeDevice: DeviceCheck,
) {
  return async (app: FastifyInstance) => {
    const guard = requireAction(tokens, 'audit:read', activeDevice);

    app.get('/audit', guard, async (request) =>
      audit.list(claimsOf(request), parseInput(auditQuerySchema, request.query)),
    );

    app.get('/alerts', guard, async (request) =>
      alerts.list(claimsOf(request), parseInput(alertsQuerySchema, request.query).after),
    );

    app.post('/alerts/:id/resolve', requireAction(tokens, 'alerts:resolve', activeDevice), async (request, reply) => {
      const { id } = parseInput(idParams, request.params);
      await alerts.resolve(claimsOf(request), id, requestContext(request));
      return reply.status(204).send();
    });
  };
}
