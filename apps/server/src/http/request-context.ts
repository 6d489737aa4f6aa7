import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../audit/audit-log.service.js';

/** The caller's address (behind a trusted proxy, the forwarded one) and user agent, for the audit log. */
export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
