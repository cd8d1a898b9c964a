/**
 * `npm run train:claims`: learns the check-worthiness weights of the claim detector and writes
 * lib/analysis/claims/model.generated.ts.
 *
 * LICENCE RULE: the only training data is ClaimBuster (`claims_en_claimbuster.dev.jsonl`, CC BY 4.0).
 * The other evaluation files (aipolicy_*, clef2019, crossner, wikineural) must never be read here.
 *
 * Model: L2-regularised logistic regression (Adam, full batch) over the named cue features and,
 * for English, word unigrams + bigrams seen at least MIN_COUNT times. The regularisation strength
 * is picked by 5-fold cross-validation (log-loss); the figures printed are 5-fold CV figures, never
 * figures on the training data. Deterministic (seeded fold assignment).
 *
 * Usage: npm run train:claims [-- --data PATH_TO_CLAIMBUSTER_JSONL] [--dry-run]
 */
import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, FEATURE_NAMES, ngrams, type SentenceFeatures } from '../lib/analysis/claims/features';
import { CLAIM_THRESHOLD, combine, positionProbability, type ClaimModelFile } from '../lib/analysis/claims/model';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataPath = arg('--data') ?? join(root, '..', 'shared', 'eval', 'data', 'claims_en_claimbuster.dev.jsonl');
const outPath = join(root, 'lib', 'analysis', 'claims', 'model.generated.ts');
const MIN_COUNT = 2;
const FOLDS = 5;

if (!existsSync(dataPath)) {
  console.log(`train:claims: ClaimBuster data not found (${dataPath}); nothing trained.`);
  process.exit(0);
}

interface Example {
  text: string;
  y: number;
  f: SentenceFeatures;
  grams: string[];
}
const examples: Example[] = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; label: number })
  .map((r) => {
    const f = extractFeatures(r.text, 'en');
    return { text: r.text, y: r.label ? 1 : 0, f, grams: ngrams(r.text) };
  });

// ------------------------------------------------------------------ logistic regression

const F = FEATURE_NAMES.length;
interface Sparse {
  idx: Int32Array;
  y: number;
}

function encode(ex: Example, vocab: Map<string, number> | null): Sparse {
  const idx: number[] = [];
  FEATURE_NAMES.forEach((name, i) => {
    if (ex.f.on.has(name)) idx.push(i);
  });
  if (vocab) {
    const seen = new Set<number>();
    for (const g of ex.grams) {
      const j = vocab.get(g);
      if (j !== undefined && !seen.has(j)) {
        seen.add(j);
        idx.push(F + j);
      }
    }
  }
  return { idx: Int32Array.from(idx), y: ex.y };
}

/** Full-batch Adam on mean log-loss + (l2 / n) * ||w||^2 / 2. Returns [bias, ...weights]. */
function trainLR(data: Sparse[], dim: number, l2: number, iters = 400): Float64Array {
  const w = new Float64Array(dim + 1);
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  const g = new Float64Array(dim + 1);
  const n = data.length;
  const lr = 0.05;
  for (let t = 1; t <= iters; t++) {
    g.fill(0);
    for (const d of data) {
      let z = w[0] as number;
      for (const i of d.idx) z += w[i + 1] as number;
      const err = 1 / (1 + Math.exp(-z)) - d.y;
      g[0] = (g[0] as number) + err / n;
      for (const i of d.idx) g[i + 1] = (g[i + 1] as number) + err / n;
    }
    for (let j = 1; j <= dim; j++) g[j] = (g[j] as number) + ((l2 / n) * (w[j] as number));
    for (let j = 0; j <= dim; j++) {
      const gj = g[j] as number;
      m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
      v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
      const mh = (m[j] as number) / (1 - 0.9 ** t);
      const vh = (v[j] as number) / (1 - 0.999 ** t);
      w[j] = (w[j] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

const predict = (w: Float64Array, d: Sparse): number => {
  let z = w[0] as number;
  for (const i of d.idx) z += w[i + 1] as number;
  return 1 / (1 + Math.exp(-z));
};

function buildVocab(train: Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ex of train) for (const g of new Set(ex.grams)) counts.set(g, (counts.get(g) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [g, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= MIN_COUNT) vocab.set(g, vocab.size);
  return vocab;
}

// ------------------------------------------------------------------ metrics

function f1At(scores: number[], ys: number[], thr: number): { p: number; r: number; f: number } {
  let tp = 0;
  let pp = 0;
  let pos = 0;
  scores.forEach((s, i) => {
    const y = ys[i] as number;
    pos += y;
    if (s >= thr) {
      pp++;
      tp += y;
    }
  });
  const p = pp ? tp / pp : 0;
  const r = pos ? tp / pos : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Average precision, ties broken pessimistically (as ../shared/eval/score.mjs does). */
function averagePrecision(scores: number[], ys: number[]): number {
  const order = scores.map((s, i) => [s, ys[i] as number] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const npos = ys.reduce((a, b) => a + b, 0);
  let tp = 0;
  let sum = 0;
  order.forEach(([, y], i) => {
    if (y === 1) {
      tp++;
      sum += tp / (i + 1);
    }
  });
  return npos ? sum / npos : NaN;
}

const logLoss = (scores: number[], ys: number[]): number =>
  -scores.reduce((a, s, i) => a + (ys[i] ? Math.log(Math.max(s, 1e-12)) : Math.log(Math.max(1 - s, 1e-12))), 0) / scores.length;

// Seeded fold assignment (mulberry32), stratified by label.
function folds(n: number, k: number, seed = 20240601): number[] {
  let a = seed;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Array<number>(n).fill(0);
  for (const label of [0, 1]) {
    const ids = examples.map((e, i) => (e.y === label ? i : -1)).filter((i) => i >= 0);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
    }
    ids.forEach((id, r) => (out[id] = r % k));
  }
  return out;
}

const fold = folds(examples.length, FOLDS);
const ys = examples.map((e) => e.y);

interface CvResult {
  cue: number[];
  en: number[];
  combined: number[];
}
function crossValidate(l2Cue: number, l2En: number): CvResult {
  const res: CvResult = { cue: new Array(examples.length).fill(0), en: new Array(examples.length).fill(0), combined: new Array(examples.length).fill(0) };
  for (let k = 0; k < FOLDS; k++) {
    const train = examples.filter((_, i) => fold[i] !== k);
    const vocab = buildVocab(train);
    const wCue = trainLR(train.map((e) => encode(e, null)), F, l2Cue);
    const wEn = trainLR(train.map((e) => encode(e, vocab)), F + vocab.size, l2En);
    examples.forEach((e, i) => {
      if (fold[i] !== k) return;
      res.cue[i] = predict(wCue, encode(e, null));
      const pEn = predict(wEn, encode(e, vocab));
      res.en[i] = pEn;
      // ClaimBuster is scored at its own base rate (no prior shift to policy text).
      res.combined[i] = combine(pEn, positionProbability(e.f), e.f, 0).score;
    });
  }
  return res;
}

const fmt = (x: number): string => x.toFixed(3);
console.log(`train:claims: ${examples.length} ClaimBuster sentences, ${ys.reduce((a, b) => a + b, 0)} positive; ${FOLDS}-fold CV`);

// Regularisation chosen by CV log-loss (ClaimBuster only).
let best = { l2Cue: 1, l2En: 1, loss: Infinity, res: null as CvResult | null };
for (const l2Cue of [0.3, 3]) {
  for (const l2En of [1, 3, 10]) {
    const res = crossValidate(l2Cue, l2En);
    const loss = logLoss(res.en, ys) + logLoss(res.cue, ys);
    console.log(`  l2 cue=${l2Cue} en=${l2En}: CV log-loss cue=${fmt(logLoss(res.cue, ys))} en=${fmt(logLoss(res.en, ys))}`);
    if (loss < best.loss) best = { l2Cue, l2En, loss, res };
  }
}
const res = best.res as CvResult;
const rows: Array<[string, number[]]> = [
  ['cue-only LR (used for French)', res.cue],
  ['cues + n-grams LR (English)', res.en],
  ['shipped score (LR + effect/forecast/position parts + gates, no prior shift)', res.combined],
];
console.log(`chosen l2 cue=${best.l2Cue} en=${best.l2En}`);
console.log(`| model (ClaimBuster 5-fold CV) | F1@${CLAIM_THRESHOLD} | P | R | best-F1 (thr) | AP |`);
console.log('|---|---|---|---|---|---|');
for (const [name, s] of rows) {
  const at = f1At(s, ys, CLAIM_THRESHOLD);
  let bf = { f: 0, thr: 0 };
  for (let thr = 0.1; thr < 0.9; thr += 0.05) {
    const r = f1At(s, ys, thr);
    if (r.f > bf.f) bf = { f: r.f, thr };
  }
  console.log(`| ${name} | ${fmt(at.f)} | ${fmt(at.p)} | ${fmt(at.r)} | ${fmt(bf.f)} (${bf.thr.toFixed(2)}) | ${fmt(averagePrecision(s, ys))} |`);
}

// ------------------------------------------------------------------ final model on all data

const vocab = buildVocab(examples);
const wCue = trainLR(examples.map((e) => encode(e, null)), F, best.l2Cue);
const wEn = trainLR(examples.map((e) => encode(e, vocab)), F + vocab.size, best.l2En);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const vocabLines: string[] = [];
for (const [g, j] of vocab) {
  const w = r3(wEn[F + j + 1] as number);
  if (Math.abs(w) >= 0.02) vocabLines.push(`${g}\t${w}`);
}
const model: ClaimModelFile = {
  version: `claims-lr-${new Date(statSync(dataPath).mtime).toISOString().slice(0, 10)}-cb${examples.length}`,
  features: [...FEATURE_NAMES],
  cues: { bias: r3(wCue[0] as number), weights: Array.from(wCue.subarray(1, F + 1), r3) },
  en: { bias: r3(wEn[0] as number), weights: Array.from(wEn.subarray(1, F + 1), r3), vocab: vocabLines.join('\n') },
};
const source = `// Generated by \`npm run train:claims\` (scripts/train-claims.ts) from ClaimBuster
// (claims_en_claimbuster.dev.jsonl, CC BY 4.0; Arslan et al. 2020). Do not edit by hand.
import type { ClaimModelFile } from './model';

export const CLAIM_MODEL: ClaimModelFile = ${JSON.stringify(model, null, 1)};
`;
console.log('cue weights (cue-only model):');
console.log(
  '  ' +
    FEATURE_NAMES.map((n, i) => `${n}=${model.cues.weights[i]}`)
      .join(' '),
);
if (args.includes('--dry-run')) {
  console.log(`train:claims dry run: model not written (${source.length} bytes)`);
} else {
  writeFileSync(outPath, source);
  console.log(`train:claims wrote lib/analysis/claims/model.generated.ts bytes=${Buffer.byteLength(source)} vocab=${vocabLines.length}`);
}
