/**
 * Proves the architecture check (eslint.config.js) fails on each broken
 * dependency rule, with the rule's reason in the message, and stays quiet on
 * the allowed imports.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.message);
}

// The first lint loads the whole typed ESLint config: slow on a busy machine, so a generous timeout.
describe('architecture rules', { timeout: 60_000 }, () => {
  it.each([
    [
      'ARCH-1',
      'packages/domain/src/money/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    ],
    ['ARCH-1', 'packages/domain/src/sales/x.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['ARCH-1', 'packages/domain/src/sales/x.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;"],
    [
      'ARCH-2',
      'apps/server/src/sync/x.ts',
      "import { cents } from '@opentill/domain/src/money/cents';\nexport const x = cents;",
    ],
    ['ARCH-3', 'apps/server/src/sync/x.ts', "import { x as y } from '../../../web/src/db/db';\nexport const x = y;"],
    ['ARCH-3', 'apps/web/src/sales/x.ts', "import { x as y } from '@opentill/server';\nexport const x = y;"],
    ['ARCH-4', 'apps/web/src/sales/x.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['ARCH-5', 'apps/web/src/sales/x.ts', "export const x = () => fetch('/api/v1/sync');"],
    [
      'ARCH-6',
      'apps/server/src/sync/sync.routes.ts',
      "import { lockDevice } from './sync.repository.js';\nexport const x = lockDevice;",
    ],
    [
      'ARCH-6',
      'apps/server/src/sync/sync.routes.ts',
      "import { sales } from '../db/schema.js';\nexport const x = sales;",
    ],
    ['ARCH-6', 'apps/server/src/sync/sync.service.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;"],
    ['ARCH-8', 'apps/server/src/sync/sync.service.ts', 'export const x = (db: any) => db.asSystem(() => 1);'],
  ])('%s fails %s', async (rule, filePath, code) => {
    const messages = await messagesFor(filePath, code);
    expect(messages.some((message) => message.includes(`${rule}:`))).toBe(true);
  });

  it.each([
    ['apps/web/src/db/x.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['apps/web/src/sync/x.ts', "export const x = () => fetch('/api/v1/sync');"],
    ['apps/server/src/sync/sync.repository.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;"],
    ['apps/server/src/sync/x.ts', "import { cents } from '@opentill/domain';\nexport const x = cents;"],
    ['packages/domain/src/sales/x.ts', "import * as z from 'zod/mini';\nexport const x = z;"],
    ['apps/server/src/demo/demo.service.ts', 'export const x = (db: any) => db.asSystem(() => 1);'],
  ])('allows %s', async (filePath, code) => {
    const messages = await messagesFor(filePath, code);
    expect(messages.filter((message) => message.includes('ARCH-'))).toEqual([]);
  });
});
