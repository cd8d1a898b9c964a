#!/usr/bin/env node
// `npm test`: every check the project has, in order, streaming output as it goes, then one plain
// closing line `N passed, N failed` (CI reads only that line; Vitest's own summary is not it).
// Non-Vitest steps count as one test each; Vitest counts come from its JSON reports.
// A failed step does not stop the run: the summary shows everything that broke at once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = path.join(ROOT, 'test-results'); // gitignored
const SHARED_CORPUS = path.resolve(ROOT, '../shared/corpus');
fs.mkdirSync(REPORTS, { recursive: true });

/** Runs a command with inherited stdio; resolves with its exit code (spawn errors count as failure). */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('error', (err) => {
      console.error(`[test-all] could not start ${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** The newest `.output/firefox-mv*` production build (WXT defaults Firefox to MV2 unless configured). */
function firefoxOutputDir() {
  const base = path.join(ROOT, '.output');
  const dirs = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((n) => /^firefox-mv\d$/.test(n) && fs.existsSync(path.join(base, n, 'manifest.json')))
        .sort((a, b) => fs.statSync(path.join(base, b, 'manifest.json')).mtimeMs - fs.statSync(path.join(base, a, 'manifest.json')).mtimeMs)
    : [];
  return dirs[0] ? path.join('.output', dirs[0]) : undefined;
}

const results = []; // { name, passed, failed, skipped, ms }

async function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const t0 = Date.now();
  const code = await run(cmd, args);
  const ms = Date.now() - t0;
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, ms });
  console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${(ms / 1000).toFixed(1)} s`);
  return code === 0;
}

/** Counts from a Vitest JSON report; a file that failed outside its tests (hook, import) counts as one failure. */
function countReport(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  let failed = report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    const testsFailed = (suite.assertionResults ?? []).some((a) => a.status === 'failed');
    if (suite.status === 'failed' && !testsFailed) failed += 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

async function vitestStep(project) {
  const name = `vitest ${project}`;
  const out = path.join(REPORTS, `vitest-${project}.json`);
  fs.rmSync(out, { force: true });
  const args = ['vitest', 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  console.log(`\n=== ${name}: npx ${args.join(' ')}`);
  const t0 = Date.now();
  const code = await run('npx', args);
  const ms = Date.now() - t0;
  let counts;
  try {
    counts = countReport(out);
  } catch {
    // No report: Vitest itself failed (config error, crash); one failure, not a silent zero.
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // e.g. unhandled error after the tests
  results.push({ name, ...counts, ms });
  console.log(`=== ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${(ms / 1000).toFixed(1)} s (exit ${code})`);
}

const started = Date.now();
await step('typecheck', 'npx', ['tsc', '--noEmit']);
await step('eslint', 'npx', ['eslint', '.']);
await step('build chrome', 'npx', ['wxt', 'build']);
const firefoxBuilt = await step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
const ffDir = firefoxBuilt ? firefoxOutputDir() : undefined;
if (ffDir) {
  // Errors fail the step; warnings are printed and tolerated.
  await step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', ffDir, '--self-hosted']);
} else {
  results.push({ name: 'web-ext lint', passed: 0, failed: 1, skipped: 0, ms: 0 });
  console.log('\n=== web-ext lint: FAILED (no Firefox build to lint)');
}
await vitestStep('unit');
await vitestStep('browser');

if (!fs.existsSync(path.join(SHARED_CORPUS, 'pages'))) {
  console.log('\n../shared/corpus is missing, so these checks could not run:');
  for (const check of [
    'main flow on the real page nytimes-2 (ran on tests/fixtures/pages/ai-policy-en.html instead)',
    're-anchoring on mutated copies of nytimes-2 (../shared/corpus/mutate.mjs)',
    'robustness sweep over the 42 corpus pages',
    'any unit test that reads ../shared (see their own skip messages)',
  ]) {
    console.log(`  - ${check}`);
  }
}

console.log('\nSummary:');
for (const r of results) {
  const extra = r.skipped ? `, ${r.skipped} skipped` : '';
  console.log(`  ${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(16)} ${r.passed} passed, ${r.failed} failed${extra} (${(r.ms / 1000).toFixed(1)} s)`);
}
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const line = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(REPORTS, 'summary.txt'), line + '\n');
console.log(line);
process.exitCode = failed ? 1 : 0;
