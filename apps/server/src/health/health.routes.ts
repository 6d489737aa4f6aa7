import type { FastifyInstance } from 'fastify';
import { publicRoute } from '../http/guard.js';
import { AppError } from '../http/errors.js';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: so does the database). */
export function healthRoutes(isDatabaseReady: () => Promise<boolean>) {
  return async (app: FastifyInstance) => {
    app.get('/health', publicRoute, async () => ({ status: 'ok' }));

    app.get('/ready', publicRoute, async () => {
      if (!(await isDatabaseReady())) throw new AppError('OT_ERR_NOT_READY');
      return { status: 'ready' };
    });
  };
}
