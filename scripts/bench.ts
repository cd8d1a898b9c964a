/**
 * `npm run bench`: every benchmark, each figure printed beside a baseline measured in the same
 * run. Benchmarks measure speed; tests check behaviour (no timing assertions in tests).
 * Usage: npm run bench [-- --only analysis,analysis-browser,anchoring,popup]
 */
import { benchAnalysis } from './bench/analysis';
import { benchAnalysisBrowser } from './bench/analysis-browser';
import { benchAnchoring } from './bench/anchoring';
import { benchPopup } from './bench/popup';

const suites: Record<string, () => Promise<string[]>> = {
  analysis: benchAnalysis,
  'analysis-browser': benchAnalysisBrowser,
  anchoring: benchAnchoring,
  popup: benchPopup,
};

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : Object.keys(suites);
const summary: string[] = [];
for (const name of only) {
  const run = suites[name];
  if (!run) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  const lines = await run();
  for (const line of lines) console.log(line);
  summary.push(`${name}=${((performance.now() - started) / 1000).toFixed(1)}s`);
}
console.log(`\nbench suites=${only.length} ${summary.join(' ')}`);
