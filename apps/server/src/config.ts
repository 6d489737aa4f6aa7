/**
 * Configuration comes from the environment only, validated once at start. A bad
 * variable stops the server with one clear line per problem (docs/OPERATIONS.md).
 */
import { ACCESS_TOKEN_SECONDS } from './auth/tokens.js';
import { fileURLToPath } from 'node:url';
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
    logLevel: e.LOG_LEVEL,
  };
}
