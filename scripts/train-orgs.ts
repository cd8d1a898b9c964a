/**
 * Trains the organization tagger (lib/analysis/orgs/model.ts; training code in
 * lib/analysis/orgs/train.ts) on wikigold (CC BY 4.0), the only NER file whose labels may be
 * learned from, and writes lib/analysis/orgs/model.generated.ts.
 *
 *   npx tsx scripts/train-orgs.ts [--eval-dir ../shared/eval] [--cv-only] [--diag]
 *       [--folds 5] [--epochs 10] [--bits 16] [--l2 0.001] [--lr 0.1] [--lexdrop 0.2] [--seed 12345] [--seeds 4]
 *       [--biases 0,0.25,…] [--thresholds -1e9,0,…] [--precision-slack 0.05] [--prune 2]
 *
 * Reports k-fold cross-validation on contiguous blocks of wikigold articles (ids `wikigold-d<N>s<M>`):
 * rules alone, then rules + tagger for each opening bias and confidence threshold; picks the setting
 * with the best pooled CV exact F1 that loses at most 5 points of the rules' precision, then trains
 * on all of wikigold. Deterministic: the unit test in tests/unit/analysis/orgs-model.test.ts retrains and
 * compares. CrossNER, WikiNEuRal and AI-policy files are evaluation only: never train or tune on them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeModel, quantize } from '../lib/analysis/orgs/model';
import {
  TRAIN_DEFAULTS,
  crossValidate,
  makeExamples,
  prf,
  renderModule,
  scoreDetector,
  trainWeights,
  type Counts,
  type Gold,
  type TrainOptions,
} from '../lib/analysis/orgs/train';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (name: string, def: number) => Number(opt(name) ?? def);
const list = (name: string, def: number[]) => opt(name)?.split(',').map(Number) ?? def;
const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = resolve(opt('--eval-dir') ?? '../shared/eval');
const D = TRAIN_DEFAULTS;
const opts: TrainOptions = {
  folds: num('--folds', D.folds),
  epochs: num('--epochs', D.epochs),
  bits: num('--bits', D.bits),
  lr: num('--lr', D.lr),
  l2: num('--l2', D.l2),
  lexdrop: num('--lexdrop', D.lexdrop),
  seed: num('--seed', D.seed),
  seeds: num('--seeds', D.seeds),
  biases: list('--biases', D.biases),
  thresholds: list('--thresholds', D.thresholds),
  precisionSlack: num('--precision-slack', D.precisionSlack),
  prune: num('--prune', D.prune),
};

const fmt = (c: Counts) => {
  const { p, r, f } = prf(c);
  return `P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f.toFixed(3)}`;
};

const records: Gold[] = readFileSync(join(evalDir, 'data/ner_en_wikigold.dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Gold);
const examples = makeExamples(records, opts.bits);

const started = performance.now();
const cv = crossValidate(examples, opts);
const { b, t, bias, threshold } = cv.best;
console.log(`CV: ${opts.folds} folds of contiguous articles, exact match, ${((performance.now() - started) / 1000).toFixed(1)} s`);
cv.perFold.forEach((fold, f) => console.log(`fold ${f + 1}: rules + tagger (bias ${bias}, threshold ${threshold}) ${fmt(fold[b]![t]!)}`));
console.log(`rules only              ${fmt(cv.rulesOnly)}`);
console.log(`pooled, chosen setting  ${fmt(cv.grid[b]![t]!)}`);
console.log(`\nP/R/F1 by bias (rows) and threshold (columns); chosen: best F1 with P >= ${(prf(cv.rulesOnly).p - opts.precisionSlack).toFixed(3)}`);
console.log(`${''.padEnd(8)}${opts.thresholds.map((x) => String(x).padStart(17)).join('')}`);
opts.biases.forEach((bb, i) => {
  const cells = opts.thresholds.map((_, j) => {
    const { p, r, f } = prf(cv.grid[i]![j]!);
    return `${p.toFixed(2)}/${r.toFixed(2)}/${f.toFixed(3)}`.padStart(17);
  });
  console.log(`${String(bb).padEnd(8)}${cells.join('')}`);
});

if (argv.includes('--diag')) {
  // Errors of the chosen setting, fold by fold: boundary errors first, then spurious and missed names.
  const lines: string[] = [];
  crossValidate(examples, { ...opts, biases: [bias], thresholds: [threshold] }, (_f, model, test) => {
    scoreDetector(test, model, bias, threshold, (rec, ms) => {
      const iv = (k: string) => k.split(':').map(Number) as [number, number];
      const cut = (k: string) => rec.text.slice(...iv(k));
      const ctx = (k: string) => rec.text.slice(Math.max(0, iv(k)[0] - 40), iv(k)[1] + 30);
      const ov = (x: string, y: string) => iv(x)[0] < iv(y)[1] && iv(y)[0] < iv(x)[1];
      const gold = new Set(rec.orgs.map((o) => `${o.start}:${o.end}`));
      const pred = new Set(ms.map((m) => `${m.start}:${m.end}`));
      for (const k of pred) {
        if (gold.has(k)) continue;
        const g = [...gold].filter((x) => ov(x, k) && !pred.has(x));
        lines.push(g.length ? `BOUNDARY ${cut(k)}  =>  ${g.map(cut).join(' ; ')}` : `SPURIOUS ${cut(k)}  ||  ${ctx(k)}`);
      }
      for (const g of gold) if (!pred.has(g) && ![...pred].some((k) => ov(g, k))) lines.push(`MISSED ${cut(g)}  ||  ${ctx(g)}`);
    });
  });
  console.log(`\n${lines.sort().join('\n')}`);
}

if (!argv.includes('--cv-only')) {
  const model = quantize(trainWeights(examples, opts), opts.bits, opts.prune);
  const data = encodeModel(model);
  const module = renderModule(model, data, bias, threshold, opts);
  writeFileSync(join(root, 'lib/analysis/orgs/model.generated.ts'), module);
  const fit = scoreDetector(examples, model, bias, threshold);
  console.log(`\nmodel.generated.ts ${module.length} B, gzip ${gzipSync(module).length} B; training set (not a fair figure) ${fmt(fit)}`);
}
