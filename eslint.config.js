// Lint rules and the architecture check (ARCHITECTURE.md "Dependency rules").
// Each architecture rule carries the reason it exists; scripts/architecture.test.ts
// proves every rule fires on a violating import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const IO_MODULES = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'crypto',
  'child_process',
  'dexie',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  '@electric-sql/*',
  'fastify',
  'ioredis',
  'react',
  'react-dom',
];

const domainIsPure = {
  group: IO_MODULES,
  message:
    'ARCH-1: packages/domain is pure TypeScript that runs on the device and the server alike; it must not import IO (Node, DOM, Dexie, Drizzle, HTTP). Put IO in the app and pass plain data in.',
};
const DOMAIN_ENTRY_MESSAGE =
  'ARCH-2: import the domain through its public entry "@opentill/domain" only (or the receipt renderings its package.json exports, kept out of the first screen: "@opentill/domain/receipts/print", "…/escpos", "…/pdf"), so its internals can move without breaking the apps.';
const domainPublicEntry = [
  { regex: '^@opentill/domain/(?!receipts/(?:print|escpos|pdf)$)', message: DOMAIN_ENTRY_MESSAGE },
  { group: ['**/packages/domain/**'], message: DOMAIN_ENTRY_MESSAGE },
];
const serverIsNotWeb = {
  group: ['@opentill/web', '@opentill/web/*', '**/apps/web/**', '**/web/src/**'],
  message: 'ARCH-3: the apps never import each other; share code through packages/domain.',
};
const webIsNotServer = {
  group: ['@opentill/server', '@opentill/server/*', '**/apps/server/**', '**/server/src/**'],
  message: 'ARCH-3: the apps never import each other; share code through packages/domain.',
};
const dexieOnlyInDb = {
  group: ['dexie', 'dexie/*'],
  message:
    'ARCH-4: only apps/web/src/db/ touches Dexie, so the schema, its versions and upgrades live in one place. Use the functions src/db exports.',
};
const SYNC_API_MESSAGE =
  'ARCH-5: only apps/web/src/sync/ talks to the sync API; screens read local data and ask the sync module to run.';
const syncApiOnlyInSync = [
  { selector: 'Literal[value=/\\/api\\/v1\\/sync/]', message: SYNC_API_MESSAGE },
  { selector: 'TemplateElement[value.raw=/\\/api\\/v1\\/sync/]', message: SYNC_API_MESSAGE },
];
const routesCallServices = {
  group: ['**/*repository', '**/*repository.js', '**/db/*', '**/db/**', 'drizzle-orm', 'drizzle-orm/*'],
  message:
    'ARCH-6: server routes call services, services call repositories, repositories call the db. A route must not reach past its service.',
};
const systemAccessIsRare = {
  selector: "CallExpression[callee.property.name='asSystem']",
  message:
    'ARCH-8: the server reads and writes as one tenant (db.withTenant), so row-level security backs every query. Only the demo shop, the audit verifier and tests may act across tenants (db.asSystem).',
};
const servicesCallRepositories = {
  group: ['**/db/schema', '**/db/schema.js', 'drizzle-orm', 'drizzle-orm/*'],
  message: 'ARCH-6: services call repositories; only repositories (and src/db) build queries.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '**/test-results/**',
      'e2e/artifacts/**',
      'bench/results/**',
      'scripts/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [domainIsPure] }] },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...domainPublicEntry, serverIsNotWeb] }] },
  },
  {
    files: ['apps/server/src/**/*.ts', 'bench/**/*.ts'],
    ignores: [
      'apps/server/src/**/*.test.ts',
      'apps/server/src/test/**',
      'apps/server/src/demo/demo.service.ts',
      'apps/server/src/audit/verify-cli.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', systemAccessIsRare] },
  },
  {
    files: ['apps/server/src/**/*routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...domainPublicEntry, serverIsNotWeb, routesCallServices] }],
    },
  },
  {
    files: ['apps/server/src/**/*service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...domainPublicEntry, serverIsNotWeb, servicesCallRepositories] },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...domainPublicEntry, webIsNotServer, dexieOnlyInDb] }],
      'no-restricted-syntax': ['error', ...syncApiOnlyInSync],
    },
  },
  {
    files: ['apps/web/src/db/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...domainPublicEntry, webIsNotServer] }] },
  },
  {
    files: ['apps/web/src/sync/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...domainPublicEntry, webIsNotServer, dexieOnlyInDb] }],
      'no-restricted-syntax': 'off',
    },
  },
);
