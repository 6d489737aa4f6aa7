/**
 * Builds the Fastify app without listening: tests drive it with `app.inject`,
 * main.ts listens. Everything it needs comes in through `AppDeps`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { Action } from '@opentill/domain';
import type { Db } from './db/client.js';
import type { TokenService } from './auth/tokens.js';
import { createAuthService } from './auth/auth.service.js';
import { authRoutes, type RateLimit } from './auth/auth.routes.js';
import { createSessionService } from './auth/sessions.service.js';
import { sessionRoutes } from './auth/sessions.routes.js';
import { createAttemptGuard, type AttemptGuard } from './auth/attempt-guard.js';
import { createLockoutService } from './auth/lockout.service.js';
import { createAccountService } from './auth/accounts.service.js';
import { accountRoutes } from './auth/accounts.routes.js';
import { createMfaService } from './auth/mfa.service.js';
import { staffRoutes } from './auth/staff.routes.js';
import { deviceRoutes } from './auth/devices.routes.js';
import { createDeviceService } from './auth/devices.service.js';
import { createStaffService } from './auth/staff.service.js';
import { healthRoutes } from './health/health.routes.js';
import { registerErrorHandling } from './http/errors.js';
import { serveWebApp } from './http/web-app.js';
import { sendSecurityHeaders } from './http/security-headers.js';
import { createSyncService } from './sync/sync.service.js';
import { syncRoutes } from './sync/sync.routes.js';
import { createLocalPokeBus, createRedisPokeBus, type PokeBus } from './sync/pokes.js';
import { loadSaleSigner } from './audit/sale-signer.js';
import { createAuditLogService } from './audit/audit-log.service.js';
import { auditRoutes } from './audit/audit.routes.js';
import { createAlertsService } from './audit/alerts.service.js';
import { saleLookupRoutes } from './sales/sale-lookup.routes.js';
import { shopSettingsRoutes } from './shop/settings.routes.js';
import { branchRoutes } from './shop/branches.routes.js';
import { branchPriceRoutes } from './catalog/branch-prices.routes.js';
import { createBranchPriceService } from './catalog/branch-prices.service.js';
import { branchStockRoutes } from './stock/branch-stock.routes.js';
import { createBranchStockService } from './stock/branch-stock.service.js';
import { transferRoutes } from './stock/transfers.routes.js';
import { supplierRoutes } from './suppliers/suppliers.routes.js';
import { createSupplierService } from './suppliers/suppliers.service.js';
import { createPurchaseOrderService } from './suppliers/purchase-orders.service.js';
import { createTransferService } from './stock/transfers.service.js';
import { createBranchService } from './shop/branches.service.js';
import { createShopSettingsService } from './shop/settings.service.js';
import { createSaleLookupService } from './sales/sale-lookup.service.js';
import { shiftRoutes } from './shifts/shifts.routes.js';
import { customerRoutes } from './customers/customers.routes.js';
import { createCustomersService } from './customers/customers.service.js';
import { createShiftsService } from './shifts/shifts.service.js';
import { acceptGzipBodies } from './http/content-encoding.js';
import { receiptRoutes } from './receipts/receipts.routes.js';
import { createReceiptsService } from './receipts/receipts.service.js';
import { createDirectoryFileStore, type ReceiptFileStore } from './receipts/receipt-files.js';
import { loadReceiptLinks } from './receipts/receipt-links.js';

/** Largest request body: a full sync batch of 50 big sales stays well under it. */
export const BODY_LIMIT = 1024 * 1024;

/** An API route as declared: what the tenant-isolation test walks (issue 4). */
export interface ApiRoute {
  method: string;
  url: string;
  action: Action | 'public';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared action, in registration order. */
    apiRoutes: readonly ApiRoute[];
  }
}

export interface AppDeps {
  db: Db;
  tokens: TokenService;
  /** The built PWA; the app still serves the API when the folder has no build. */
  webDir?: string;
  /** Shares rate-limit counters and pokes between instances; in-process without it. */
  redis?: Redis;
  /** Overrides the poke bus made from `redis` (or the in-process one). */
  pokes?: PokeBus;
  /** Attempts per address on sign-in and registration; tests raise it. */
  authRateLimit?: RateLimit;
  /** Refreshes per address; tests raise it. */
  refreshRateLimit?: RateLimit;
  /** Overrides the per-account lockout made from `redis` (or in memory); tests pass their own policy. */
  attemptGuard?: AttemptGuard;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  now?: () => Date;
  /** Where receipt PDFs are kept (config: a directory or S3); a folder in the OS temp directory without it. */
  receiptFiles?: ReceiptFileStore;
  /** How long a receipt PDF link works, in seconds (15 minutes without it). */
  receiptLinkSeconds?: number;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.trustProxy ?? false,
    // Request ids let a log line be matched to the device's report.
    requestIdHeader: 'x-request-id',
  });
  registerErrorHandling(app);
  // First of the onRequest hooks, so every answer carries them: a 429 from the rate
  // limit, a 404, an error, the PWA's files.
  await sendSecurityHeaders(app);
  // The API speaks JSON only: any other body is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  // Every API route declares the action it needs or that it is public (ARCHITECTURE
  // "Cross-cutting"): a route without one fails the start, not a security review.
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`Route ${route.method} ${route.url} does not declare the action it needs`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, action });
  });
  acceptGzipBodies(app);
  await app.register(rateLimit, { global: false, ...(deps.redis ? { redis: deps.redis } : {}) });

  const pokes =
    deps.pokes ??
    (deps.redis
      ? createRedisPokeBus(deps.redis, (error) => app.log.warn({ err: error }, 'poke bus error'))
      : createLocalPokeBus());
  if (!deps.pokes) app.addHook('onClose', () => pokes.close());
  const signer = await loadSaleSigner(deps.db);
  const sync = await createSyncService({ db: deps.db, signer, pokes, ...(deps.now ? { now: deps.now } : {}) });
  const sessions = createSessionService(deps.db, deps.tokens);
  const auth = createAuthService(deps.db, sessions);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(() => deps.db.ping()));
      const attempts = deps.attemptGuard ?? createAttemptGuard({ redis: deps.redis });
      const lockouts = createLockoutService(deps.db);
      await api.register(authRoutes(auth, { attempts, lockouts, rateLimit: deps.authRateLimit }));
      const devices = createDeviceService(deps.db);
      await api.register(sessionRoutes(sessions, deps.tokens, devices.isActive, deps.refreshRateLimit));
      const accounts = createAccountService(deps.db, sessions, attempts);
      const mfa = createMfaService(deps.db, attempts);
      await api.register(
        accountRoutes({
          accounts,
          mfa,
          tokens: deps.tokens,
          activeDevice: devices.isActive,
          rateLimit: deps.authRateLimit,
        }),
      );
      await api.register(syncRoutes(sync, deps.tokens, pokes, devices.isActive));
      await api.register(staffRoutes(createStaffService(deps.db), deps.tokens, devices.isActive));
      await api.register(deviceRoutes(devices, deps.tokens));
      await api.register(
        auditRoutes(createAuditLogService(deps.db), createAlertsService(deps.db), deps.tokens, devices.isActive),
      );
      await api.register(shiftRoutes(createShiftsService(deps.db), deps.tokens, devices.isActive));
      await api.register(customerRoutes(createCustomersService(deps.db), deps.tokens, devices.isActive));
      await api.register(saleLookupRoutes(createSaleLookupService(deps.db), deps.tokens, devices.isActive));
      await api.register(shopSettingsRoutes(createShopSettingsService(deps.db), deps.tokens, devices.isActive));
      await api.register(branchRoutes(createBranchService(deps.db), deps.tokens, devices.isActive));
      await api.register(transferRoutes(createTransferService(deps.db), deps.tokens, devices.isActive));
      await api.register(branchPriceRoutes(createBranchPriceService(deps.db, pokes), deps.tokens, devices.isActive));
      await api.register(branchStockRoutes(createBranchStockService(deps.db), deps.tokens, devices.isActive));
      await api.register(
        supplierRoutes(
          createSupplierService(deps.db),
          createPurchaseOrderService(deps.db),
          deps.tokens,
          devices.isActive,
        ),
      );
      const receipts = createReceiptsService({
        db: deps.db,
        files: deps.receiptFiles ?? createDirectoryFileStore(join(tmpdir(), 'opentill-receipts')),
        links: await loadReceiptLinks(deps.db, deps.receiptLinkSeconds),
        ...(deps.now ? { now: deps.now } : {}),
      });
      await api.register(receiptRoutes(receipts, deps.tokens, devices.isActive));
    },
    { prefix: '/api/v1' },
  );

  await serveWebApp(app, deps.webDir);
  return app;
}
