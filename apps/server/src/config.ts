/**
 * Configuration comes from the environment only, validated once at start. A bad
 * variable stops the server with one clear line per problem (docs/OPERATIONS.md).
 */
import { ACCESS_TOKEN_SECONDS } from './auth/tokens.js';
import { RECEIPT_LINK_SECONDS } from './receipts/receipt-links.js';
import type { ReceiptStorage } from './receipts/receipt-files.js';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as z from 'zod/mini';

const boolean = z.pipe(
  z.enum(['true', 'false', '1', '0', 'yes', 'no']),
  z.transform((value) => ['true', '1', 'yes'].includes(value)),
);

const port = z.pipe(
  z.string().check(z.regex(/^\d{1,5}$/, 'must be a port number')),
  z.pipe(z.transform(Number), z.int().check(z.gte(1), z.lte(65535))),
);

const url = (protocols: RegExp, example: string) =>
  z.string().check(
    z.refine((value) => {
      try {
        return protocols.test(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL such as ${example}`),
  );

const envSchema = z.object({
  PORT: z._default(port, 3000),
  HOST: z._default(z.string().check(z.minLength(1)), '0.0.0.0'),
  DATABASE_URL: z.optional(url(/^postgres(ql)?:$/, 'postgres://user@host:5432/db')),
  OPENTILL_DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  OPENTILL_DB_POOL_MAX: z._default(
    z.pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number')), z.transform(Number)),
    10,
  ),
  OPENTILL_DEMO: z._default(boolean, true),
  OPENTILL_AUTH_RATE_LIMIT: z._default(
    z.pipe(z.string().check(z.regex(/^[1-9]\d*$/, 'must be a whole number above 0')), z.transform(Number)),
    10,
  ),
  OPENTILL_ACCESS_TOKEN_SECONDS: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d+$/, 'must be a whole number')),
      z.pipe(
        z.transform(Number),
        z.number().check(z.gte(30, 'must be 30 or more'), z.lte(3600, 'must be 3600 or less')),
      ),
    ),
    ACCESS_TOKEN_SECONDS,
  ),
  OPENTILL_WEB_DIR: z._default(z.string(), fileURLToPath(new URL('../../web/dist', import.meta.url))),
  OPENTILL_TRUST_PROXY: z._default(boolean, false),
  REDIS_URL: z.optional(url(/^rediss?:$/, 'redis://127.0.0.1:6379')),
  OPENTILL_RECEIPTS_DIR: z.optional(z.string().check(z.minLength(1))),
  OPENTILL_RECEIPT_LINK_SECONDS: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d+$/, 'must be a whole number')),
      z.pipe(
        z.transform(Number),
        z.number().check(z.gte(60, 'must be 60 or more'), z.lte(604_800, 'must be 604800 (a week) or less')),
      ),
    ),
    RECEIPT_LINK_SECONDS,
  ),
  OPENTILL_S3_ENDPOINT: z.optional(url(/^https?:$/, 'https://s3.af-south-1.amazonaws.com')),
  OPENTILL_S3_BUCKET: z.optional(
    z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name')),
  ),
  OPENTILL_S3_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  OPENTILL_S3_ACCESS_KEY: z.optional(z.string().check(z.minLength(1))),
  OPENTILL_S3_SECRET_KEY: z.optional(z.string().check(z.minLength(1))),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
});

export interface Config {
  port: number;
  host: string;
  database: { databaseUrl: string; poolMax: number } | { dataDir: string };
  demo: boolean;
  /** Sign-in and registration attempts per client address per minute. */
  authRateLimit: number;
  /** How long an access token lives; devices refresh before then. */
  accessTokenSeconds: number;
  webDir: string;
  trustProxy: boolean;
  redisUrl: string | undefined;
  /** Where receipt PDFs are kept, and how long their links work. */
  receipts: { storage: ReceiptStorage; linkSeconds: number };
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const s3 = [e.OPENTILL_S3_ENDPOINT, e.OPENTILL_S3_BUCKET, e.OPENTILL_S3_ACCESS_KEY, e.OPENTILL_S3_SECRET_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\n  OPENTILL_S3_*: set all of OPENTILL_S3_ENDPOINT, OPENTILL_S3_BUCKET, ' +
        'OPENTILL_S3_ACCESS_KEY and OPENTILL_S3_SECRET_KEY, or none',
    );
  }
  const storage: ReceiptStorage =
    e.OPENTILL_S3_ENDPOINT && e.OPENTILL_S3_BUCKET && e.OPENTILL_S3_ACCESS_KEY && e.OPENTILL_S3_SECRET_KEY
      ? {
          kind: 's3',
          endpoint: e.OPENTILL_S3_ENDPOINT,
          bucket: e.OPENTILL_S3_BUCKET,
          region: e.OPENTILL_S3_REGION,
          accessKeyId: e.OPENTILL_S3_ACCESS_KEY,
          secretAccessKey: e.OPENTILL_S3_SECRET_KEY,
        }
      : { kind: 'directory', dir: e.OPENTILL_RECEIPTS_DIR ?? join(e.OPENTILL_DATA_DIR, 'receipts') };
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { databaseUrl: e.DATABASE_URL, poolMax: e.OPENTILL_DB_POOL_MAX }
      : { dataDir: e.OPENTILL_DATA_DIR },
    demo: e.OPENTILL_DEMO,
    authRateLimit: e.OPENTILL_AUTH_RATE_LIMIT,
    accessTokenSeconds: e.OPENTILL_ACCESS_TOKEN_SECONDS,
    webDir: e.OPENTILL_WEB_DIR,
    trustProxy: e.OPENTILL_TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    receipts: { storage, linkSeconds: e.OPENTILL_RECEIPT_LINK_SECONDS },
    logLevel: e.LOG_LEVEL,
  };
}
