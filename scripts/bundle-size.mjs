// Measures what the first screen downloads: the JavaScript and CSS that the built
// index.html loads (scripts, module preloads, stylesheets), gzipped at level 9.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_ROUTE_BUDGET_BYTES = 180 * 1024;

export function measureInitialRoute(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = new Set();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) urls.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*\shref="([^"]+\.(?:js|css))"/g)) urls.add(match[1]);
  const files = [...urls]
    .filter((url) => url.startsWith('/'))
    .map((url) => {
      const bytes = readFileSync(join(distDir, url));
      return { url, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
  return { files, gzipTotal: files.reduce((sum, file) => sum + file.gzip, 0) };
}
