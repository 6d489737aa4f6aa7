// The web app's unit tests, run as the "web" project of the root vitest.config.ts.
// Node is enough: Dexie tests load fake-indexeddb, and no test needs a DOM.
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
