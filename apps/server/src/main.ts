/**
 * Starts OpenTill: reads the configuration, opens and migrates the database,
 * creates the demo shop on an empty one, listens, and shuts down gracefully.
 */
import { Redis } from 'ioredis';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createDb } from './db/client.js';
import { loadTokenService } from './auth/token-keys.service.js';
import { createDemoShopIfEmpty } from './demo/demo.service.js';
import { DEMO_SHOP } from './demo/demo-catalog.js';
import { createReceiptFileStore } from './receipts/receipt-files.js';

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const db = await createDb(config.database);
  const tokens = await loadTokenService(db, { lifetimeSeconds: config.accessTokenSeconds });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;

  const app = await buildApp({
    db,
    tokens,
    webDir: config.webDir,
    ...(redis ? { redis } : {}),
    trustProxy: config.trustProxy,
    receiptFiles: createReceiptFileStore(config.receipts.storage),
    receiptLinkSeconds: config.receipts.linkSeconds,
    authRateLimit: { max: config.authRateLimit, timeWindow: '1 minute' },
    logger: { level: config.logLevel },
  });

  const demoCreated = config.demo && (await createDemoShopIfEmpty(db));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      redis?.disconnect();
      await db.close();
      app.log.info('shut down cleanly');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const startMs = Math.round(performance.now() - startedAt);
  const database = 'databaseUrl' in config.database ? 'PostgreSQL' : `PGlite (${config.database.dataDir})`;
  app.log.info({ startMs, database }, 'OpenTill is ready');

  const lines = [``, `  OpenTill is running at http://localhost:${config.port}  (${database}, ready in ${startMs} ms)`];
  if (demoCreated) {
    lines.push(
      `  Demo shop created: ${DEMO_SHOP.businessName}`,
      `  Sign in on the app with phone ${DEMO_SHOP.phone} and PIN ${DEMO_SHOP.pin}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(
    `OpenTill failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
