#!/usr/bin/env node
// `npm test`: unit tests, build of what ships, addons-linter, e2e in Chromium and Firefox, one summary line.
// Every step runs even if an earlier one failed (except e2e after a failed build: it would test a stale
// extension), so one run shows every problem.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.SESAME_OUT_DIR ?? '.output');
const reportDir = mkdtempSync(join(tmpdir(), 'sesame-test-'));
const failures = [];
let passed = 0;
let failed = 0;

function step(title) {
  console.log(`\n━━ ${title}`);
}

function run(command, args, { timeoutMs, env = {} } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    timeout: timeoutMs,
  });
  if (result.error) console.error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.signal) console.error(`${command} ${args.join(' ')}: killed by ${result.signal}`);
  return result.status ?? 1;
}

/**
 * Adds a vitest JSON report to the totals; a test file that failed to load counts as one failed test, and so
 * does a failed build or lint step, so the summary line never reads "0 failed" on a red run.
 */
function tally(label, reportPath, status) {
  if (!existsSync(reportPath)) {
    failed += 1;
    failures.push(`${label}: no report (vitest exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'),
  );
  failed += brokenFiles.length;
  for (const file of brokenFiles) failures.push(`${label}: ${file.name} did not run: ${file.message}`);
  if (report.numFailedTests > 0) failures.push(`${label}: ${report.numFailedTests} failed`);
  if (status !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0) {
    failures.push(`${label}: vitest exited with ${status}`);
  }
}

/** Both browsers are first-class: show that each ran its share, from the describe.each titles. */
function printPerBrowser(reportPath) {
  if (!existsSync(reportPath)) return;
  const counts = {};
  for (const file of JSON.parse(readFileSync(reportPath, 'utf8')).testResults) {
    for (const test of file.assertionResults) {
      const title = test.ancestorTitles.join(' ');
      const browser = /chromium/i.test(title)
        ? 'chromium'
        : /firefox/i.test(title)
          ? 'firefox'
          : 'browser-independent';
      counts[browser] ??= { passed: 0, failed: 0, skipped: 0 };
      const key = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped';
      counts[browser][key] += 1;
    }
  }
  for (const [browser, c] of Object.entries(counts)) {
    console.log(`e2e ${browser}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }
}

// (a) Browsers and their language packs. e2e is never skipped: scripts/provision.sh (shared with .ci/run)
// installs what is missing when it can (root + apt-get), and otherwise stops here with the command to run.
step('Browsers and language packs (scripts/provision.sh)');
const provisionStatus = run('bash', [join(root, 'scripts/provision.sh')], { timeoutMs: 10 * 60_000 });
const browsers = [
  ['Chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
  ['Firefox ESR', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
];
for (const [name, path] of browsers) console.log(`${name}: ${path}${existsSync(path) ? '' : '  ✗ MISSING'}`);
if (provisionStatus !== 0 || browsers.some(([, path]) => !existsSync(path))) {
  console.error('\nThe e2e suite cannot run without both browsers and their language packs (see above).');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

// (b) Unit tests.
step('Unit tests (vitest)');
const unitReport = join(reportDir, 'unit.json');
const unitStatus = run(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`],
  { timeoutMs: 5 * 60_000 },
);
tally('unit', unitReport, unitStatus);

// (c) Build what ships, for both browsers.
let built = true;
if (process.env.SESAME_SKIP_BUILD === '1') {
  step(`Build skipped (SESAME_SKIP_BUILD=1), reusing ${outDir}`);
  for (const sub of ['chrome-mv3', 'firefox-mv2']) {
    if (!existsSync(join(outDir, sub, 'manifest.json'))) {
      built = false;
      failures.push(`build: SESAME_SKIP_BUILD=1 but ${join(outDir, sub)} has no manifest.json`);
    }
  }
} else {
  step(`Build (npm run build → ${outDir})`);
  const status = run('npm', ['run', 'build'], { timeoutMs: 5 * 60_000 });
  if (status !== 0) {
    built = false;
    failures.push(`build: npm run build exited with ${status}`);
  }
}

// (d) addons-linter on the Firefox build: any error or warning fails (AMO's bar: 0 and 0).
if (built) {
  const firefoxDir = join(outDir, 'firefox-mv2');
  step(`addons-linter ${firefoxDir}`);
  const lint = spawnSync('npx', ['addons-linter', '--output', 'json', '--boring', firefoxDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 3 * 60_000,
  });
  let report = null;
  try {
    report = JSON.parse(lint.stdout);
  } catch {
    failures.push(`addons-linter: unreadable output (exit ${lint.status}) ${lint.stderr ?? ''}`);
  }
  if (report) {
    const problems = [];
    for (const message of [...report.errors, ...report.warnings]) {
      const where = `${message.file ?? ''}${message.line ? `:${message.line}:${message.column}` : ''}`;
      const text = `${message._type.toUpperCase()} ${message.code} ${where} — ${message.message}: ${message.description}`;
      problems.push(text);
    }
    for (const notice of report.notices)
      console.log(`notice: ${notice.code} ${notice.file ?? ''} — ${notice.message}`);
    if (problems.length > 0) {
      for (const problem of problems) console.error(problem);
      failures.push(`addons-linter: ${problems.length} error(s)/warning(s)`);
      failed += 1;
    } else {
      console.log('addons-linter: no errors, no warnings');
    }
  }
}

// (e) End-to-end tests in both browsers, on the build just made.
if (built) {
  step('E2E tests (vitest -c vitest.e2e.config.ts, Chromium + Firefox)');
  const e2eReport = join(reportDir, 'e2e.json');
  const status = run(
    'npx',
    [
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eReport}`,
    ],
    { timeoutMs: 15 * 60_000, env: { SESAME_OUT_DIR: outDir, SESAME_E2E_BROWSERS: '' } },
  );
  tally('e2e', e2eReport, status);
  printPerBrowser(e2eReport);
} else {
  failures.push('e2e: not run because the build failed');
  failed += 1;
}

rmSync(reportDir, { recursive: true, force: true });
if (failures.length > 0) {
  console.error('\nProblems:');
  for (const failure of failures) console.error(`  - ${failure}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
