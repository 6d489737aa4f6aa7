// Fails when the initial route's JS + CSS exceeds its gzipped budget (issue 2:
// 180 KB). Sizes are deterministic, so this is a check, not a benchmark.
import { INITIAL_ROUTE_BUDGET_BYTES, measureInitialRoute } from './bundle-size.mjs';

const { files, gzipTotal } = measureInitialRoute(new URL('../apps/web/dist', import.meta.url).pathname);
for (const file of files) console.log(`  ${file.url}  ${(file.gzip / 1024).toFixed(1)} KB gzipped`);
const verdict = gzipTotal <= INITIAL_ROUTE_BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `Initial route: ${(gzipTotal / 1024).toFixed(1)} KB gzipped, ${verdict} the ${INITIAL_ROUTE_BUDGET_BYTES / 1024} KB budget`,
);
if (files.length === 0) {
  console.error('No scripts or stylesheets found in index.html: is the build broken?');
  process.exit(1);
}
process.exit(gzipTotal <= INITIAL_ROUTE_BUDGET_BYTES ? 0 : 1);
