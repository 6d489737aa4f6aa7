import { describe, expect, it } from 'vitest';
import { testApp } from './test/test-app.js';

describe('route declarations', () => {
  it('refuses to start with an API route that declares no action', async () => {
    const app = await testApp();
    expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow();
    await app.close().catch(() => undefined);
  });

  it('every API route declares its action', async () => {
    const app = await testApp();
    const routes = app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/v1/sync');
    await app.close();
  });
});
