// Bundles the server (and the domain package) into dist/main.js with esbuild, the audit check into
// dist/audit-verify.js, and copies the SQL migrations beside them (src/db/migrate.ts finds them at ./migrations).
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  // The server, and the audit chain check for installs without tsx (docs/OPERATIONS.md).
  entryPoints: { main: 'src/main.ts', 'audit-verify': 'src/audit/verify-cli.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: 'dist',
  sourcemap: true,
  // Dependencies stay in node_modules (PGlite loads its WASM files relative to
  // itself); the workspace's own packages are TypeScript source and are bundled.
  plugins: [
    {
      name: 'external-dependencies',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@opentill/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: 'warning',
});
cpSync('src/db/migrations', 'dist/migrations', { recursive: true });
