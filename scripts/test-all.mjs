// The README's test command (`npm test`): every check and suite, in order, then
// one closing line "N passed, N failed" totalling them all, so a run that
// executed nothing is visible. Steps keep going after a failure so one run shows
// everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

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

/** The first lines of an error, without colours: CI shows only the end of the output. */
function firstLines(message = '', lines = 8) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, lines);
}

/** Repeats the first failures in the summary, each with the start of its error. */
function reportFailures(failures) {
  for (const { title, message } of failures.slice(0, 5)) {
    summary.push(`     ✘ ${title}`, ...firstLines(message).map((line) => `         ${line}`));
  }
}

/**
 * A suite counts its own tests from its JSON report; a missing report is a failure.
 * `count` reads the report's tally and its failures.
 */
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
  reportFailures(counts.failures);
}

/** Playwright's report nests specs in suites; a failed test's last result holds its error. */
function playwrightFailures(suites = []) {
  return suites.flatMap((node) => [
    ...(node.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === 'unexpected')
        .map((test) => {
          const error = test.results.at(-1)?.error;
          // Where it failed (the step's line, maybe in a support file), not where the test starts.
          const at = error?.location
            ? `${relative(process.cwd(), error.location.file)}:${error.location.line}`
            : `${spec.file}:${spec.line}`;
          return { title: `${spec.title} (${at})`, message: error?.message };
        }),
    ),
    ...playwrightFailures(node.suites),
  ]);
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
    failures: report.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => ({ title: `${file.name} › ${test.fullName}`, message: test.failureMessages.join('\n') })),
    ),
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
    failures: playwrightFailures(report.suites),
  }),
  { PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/playwright.json` },
);

console.log(`\n${summary.join('\n')}\n`);
const line = `${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`;
// .ci/run repeats this file's line last, after anything npm prints on exit.
writeFileSync(`${REPORTS}/tally.txt`, `${line}\n`);
console.log(line);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
