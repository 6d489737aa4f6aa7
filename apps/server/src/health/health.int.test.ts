import { describe, expect, it } from 'vitest';
import { TEST_DB_KIND, testApp, testDb } from '../test/test-app.js';

describe(`health and readiness on ${TEST_DB_KIND}`, () => {
  it('answers health and readiness while the database answers', async () => {
    const app = await testApp();
    expect((await app.inject('/api/v1/health')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/api/v1/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    await app.close();
  });

  it('is not ready when the database does not answer', async () => {
    const db = await testDb();
    const app = await testApp({ db: { ...db, ping: async () => false } });
    const ready = await app.inject('/api/v1/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ error: { code: 'OT_ERR_NOT_READY' } });
    expect((await app.inject('/api/v1/health')).statusCode).toBe(200);
    await app.close();
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const app = await testApp();
    const response = await app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'OT_ERR_NOT_FOUND' } });
    await app.close();
  });
});
