import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, syncRequestSchema } from '@opentill/domain';
import type { TokenService } from '../auth/tokens.js';
import { AppError } from '../http/errors.js';
import { claimsOf, requireAction } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { SyncService } from './sync.service.js';

export function syncRoutes(sync: SyncService, tokens: TokenService) {
  return async (app: FastifyInstance) => {
    app.post('/sync', requireAction(tokens, 'sync:push'), async (request) => {
      // An old client gets a named reason before its body is judged by today's schema (SY7).
      const version = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
      if (typeof version === 'number' && version !== PROTOCOL_VERSION) {
        throw new AppError('OT_ERR_PROTOCOL_UNSUPPORTED');
      }
      return sync.sync(claimsOf(request), parseInput(syncRequestSchema, request.body));
    });
  };
}
