import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to PGlite in ./data on port 3000 with the demo shop', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dataDir: './data' });
    expect(config.demo).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', OPENTILL_DB_POOL_MAX: '4' });
    expect(config.database).toEqual({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', poolMax: 4 });
  });

  it('reads booleans in the usual spellings', () => {
    expect(loadConfig({ OPENTILL_DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({ OPENTILL_DEMO: '0' }).demo).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    const bad = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        OPENTILL_DEMO: 'maybe',
        OPENTILL_AUTH_RATE_LIMIT: 'lots',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'OPENTILL_DEMO', 'OPENTILL_AUTH_RATE_LIMIT']) {
        expect(message).toContain(name);
      }
    }
  });

  it('reads the sign-in rate limit, 10 a minute by default', () => {
    expect(loadConfig({}).authRateLimit).toBe(10);
    expect(loadConfig({ OPENTILL_AUTH_RATE_LIMIT: '50' }).authRateLimit).toBe(50);
    expect(() => loadConfig({ OPENTILL_AUTH_RATE_LIMIT: '0' })).toThrow(/OPENTILL_AUTH_RATE_LIMIT/);
  });

  it('rejects an out-of-range port', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
