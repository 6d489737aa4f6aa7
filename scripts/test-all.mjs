// The README's test command (`npm test`): every check and suite, in order, then
// one closing line "N passed, N failed" totalling them all, so a run that
// executed nothing is visible. Steps keep going after a failure so one run shows
// everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const REPORTS = 'test-results';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A check (lint, typecheck ...) counts as one test. */
function check(label, command, args) {
  const ok = run(label, command, args);
  tally[ok ? 'passed' : 'failed'] += 1;
}

/** A suite counts its own tests from its JSON report; a missing report is a failure. */
function suite(label, command, args, reportFile, count, env) {
  const ok = run(label, command, args, env);
  if (!existsSync(reportFile)) {
    tally.failed += 1;
    summary.push(`FAIL ${label}: no report at ${reportFile}`);
    return;
  }
  const counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  tally.skipped += counts.skipped;
  if (!ok && counts.failed === 0) tally.failed += 1; // the runner failed outside any test
  summary.push(`     ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format', 'npx', ['prettier', '--check', '.']);
check('typecheck', 'npm', ['run', 'typecheck']);

suite(
  'unit and integration (Vitest: domain, server on PGlite and PostgreSQL, web)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest.json`],
  `${REPORTS}/vitest.json`,
  (report) => ({
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }),
);

check('build', 'npm', ['run', 'build']);
check('bundle size budget', 'node', ['scripts/check-bundle-size.mjs']);

suite(
  'end to end (Playwright, Debian Chromium)',
  'npx',
  ['playwright', 'test', '--config', 'e2e/playwright.config.ts'],
  `${REPORTS}/playwright.json`,
  (report) => ({
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  }),
  { PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/playwright.json` },
);

console.log(`\n${summary.join('\n')}\n`);
const line = `${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`;
// .ci/run repeats this file's line last, after anything npm prints on exit.
writeFileSync(`${REPORTS}/tally.txt`, `${line}\n`);
console.log(line);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
