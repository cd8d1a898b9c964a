/**
 * `npm run train:claims`: learns the check-worthiness weights of the claim detector and the
 * stackers and the register model, and writes lib/analysis/claims/{model,stacker,register}.generated.ts.
 *
 * LICENCE RULE: the only training data are ClaimBuster (`claims_en_claimbuster.dev.jsonl`, CC BY
 * 4.0), the project's own sentences (`data/claims/`) and, for the written side of the register
 * model only, wikigold's sentences (`ner_en_wikigold.dev.jsonl`, CC BY 4.0). The other evaluation
 * files (aipolicy_*, clef2019, crossner, wikineural) must never be read here.
 *
 * Model: L2-regularised logistic regression (Adam, full batch) over the named cue features and,
 * for English, word unigrams + bigrams seen at least MIN_COUNT times. The regularisation strength
 * is picked by 5-fold cross-validation (log-loss); the figures printed are 5-fold CV figures, never
 * figures on the training data. Deterministic (seeded fold assignment).
 *
 * STACKER: a logistic regression over the parts of the score (stacker.ts) plus, as a sparse
 * part, the cues themselves and word unigrams/bigrams, fitted on `data/claims/policy-{en,fr}.jsonl`
 * (sentences written and labelled by the project, CC BY 4.0), with the regularisation of each
 * part and the decision threshold chosen by document-grouped 5-fold CV on that set (repeated over
 * several fold seeds); the dense-only stacker is printed beside it for comparison. The gates of
 * GUIDELINES rules (questions, incident titles; model.ts stackGate) are applied before the
 * threshold is chosen, as at inference. A language gets a stacker only when its CV F1 and AP on the
 * project set are at least those of the hand-set noisy-OR rule; the chosen threshold is folded into
 * the bias so that CLAIM_THRESHOLD stays the decision rule. Written to stacker.generated.ts.
 *
 * Usage: npm run train:claims [-- --data PATH_TO_CLAIMBUSTER_JSONL] [--dry-run] [--stack-only]
 *   --stack-only: keep the shipped ClaimBuster model, refit only the stackers (fast).
 */
import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, FEATURE_NAMES, ngrams, type SentenceFeatures } from '../lib/analysis/claims/features';
import { CLAIM_THRESHOLD, checkProbability, combine, effectPart, forecastPart, positionProbability, sparseStackLogit, stackGate, type ClaimModelFile } from '../lib/analysis/claims/model';
import { CLAIM_MODEL } from '../lib/analysis/claims/model.generated';
import { STACK_FEATURES, stackInputs, stackLogit, type StackerModel } from '../lib/analysis/claims/stacker';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataPath = arg('--data') ?? join(root, '..', 'shared', 'eval', 'data', 'claims_en_claimbuster.dev.jsonl');
const outPath = join(root, 'lib', 'analysis', 'claims', 'model.generated.ts');
const stackPath = join(root, 'lib', 'analysis', 'claims', 'stacker.generated.ts');
const registerPath = join(root, 'lib', 'analysis', 'claims', 'register.generated.ts');
const policyPath = (lang: string): string => join(root, 'data', 'claims', `policy-${lang}.jsonl`);
const STACK_ONLY = args.includes('--stack-only');
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

/** N-grams seen in at least MIN_COUNT training sentences, in a fixed (sorted) order. */
function buildVocab(train: ReadonlyArray<{ grams: readonly string[] }>): Map<string, number> {
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

/** A seeded uniform [0, 1) generator (mulberry32): fold assignments are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Seeded fold assignment, stratified by label.
function folds(n: number, k: number, seed = 20240601): number[] {
  const rand = mulberry32(seed);
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
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function bestF1(s: number[], y: number[], lo = 0.1, hi = 0.9, step = 0.025): { f: number; thr: number } {
  let bf = { f: 0, thr: lo };
  for (let thr = lo; thr < hi + 1e-9; thr += step) {
    const r = f1At(s, y, thr);
    if (r.f > bf.f + 1e-12) bf = { f: r.f, thr };
  }
  return bf;
}

// ------------------------------------------------------------------ ClaimBuster model

let model: ClaimModelFile = CLAIM_MODEL;
let cbOof: number[] | null = null;
let source = '';
if (!STACK_ONLY) {
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
  cbOof = res.en;
  console.log(`chosen l2 cue=${best.l2Cue} en=${best.l2En}`);
  console.log(`| model (ClaimBuster 5-fold CV) | F1@${CLAIM_THRESHOLD} | P | R | best-F1 (thr) | AP |`);
  console.log('|---|---|---|---|---|---|');
  for (const [name, s] of [
    ['cue-only LR (used for French)', res.cue],
    ['cues + n-grams LR (English)', res.en],
    ['noisy-OR score (LR + effect/forecast/position parts + gates, no prior shift)', res.combined],
  ] as Array<[string, number[]]>) {
    const at = f1At(s, ys, CLAIM_THRESHOLD);
    const bf = bestF1(s, ys, 0.1, 0.85, 0.05);
    console.log(`| ${name} | ${fmt(at.f)} | ${fmt(at.p)} | ${fmt(at.r)} | ${fmt(bf.f)} (${bf.thr.toFixed(2)}) | ${fmt(averagePrecision(s, ys))} |`);
  }
  // Final model on all of ClaimBuster.
  const vocab = buildVocab(examples);
  const wCue = trainLR(examples.map((e) => encode(e, null)), F, best.l2Cue);
  const wEn = trainLR(examples.map((e) => encode(e, vocab)), F + vocab.size, best.l2En);
  const vocabLines: string[] = [];
  for (const [g, j] of vocab) {
    const w = r3(wEn[F + j + 1] as number);
    if (Math.abs(w) >= 0.02) vocabLines.push(`${g}\t${w}`);
  }
  model = {
    version: `claims-lr-${new Date(statSync(dataPath).mtime).toISOString().slice(0, 10)}-cb${examples.length}`,
    features: [...FEATURE_NAMES],
    cues: { bias: r3(wCue[0] as number), weights: Array.from(wCue.subarray(1, F + 1), r3) },
    en: { bias: r3(wEn[0] as number), weights: Array.from(wEn.subarray(1, F + 1), r3), vocab: vocabLines.join('\n') },
  };
  source = `// Generated by \`npm run train:claims\` (scripts/train-claims.ts) from ClaimBuster
// (claims_en_claimbuster.dev.jsonl, CC BY 4.0; Arslan et al. 2020). Do not edit by hand.
import type { ClaimModelFile } from './model';

export const CLAIM_MODEL: ClaimModelFile = ${JSON.stringify(model, null, 1)};
`;
  console.log('cue weights (cue-only model):');
  console.log('  ' + FEATURE_NAMES.map((n, i) => `${n}=${model.cues.weights[i]}`).join(' '));
}

// ------------------------------------------------------------------ stacker on the project's own set

interface PolicyRow {
  id: string;
  doc: string;
  text: string;
  label: number;
}
interface StackExample {
  text: string;
  x: Float64Array;
  f: SentenceFeatures;
  /** Indices (into FEATURE_NAMES) of the cues that fired. */
  cues: number[];
  /** Word unigrams and bigrams, with repeats (as linearScore sums them at inference). */
  grams: string[];
  y: number;
  doc: string;
  /** The hand-set noisy-OR rule (prior shift + gates), for comparison. */
  rule: number;
}
function stackExamples(lang: string): StackExample[] {
  const p = policyPath(lang);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolicyRow)
    .map((r) => {
      const f = extractFeatures(r.text, lang);
      const pCheck = checkProbability(r.text, f, lang, model);
      const x = stackInputs(f, pCheck, effectPart(f), forecastPart(f), positionProbability(f));
      const cues = FEATURE_NAMES.flatMap((name, i) => (f.on.has(name) ? [i] : []));
      return { text: r.text, x, f, cues, grams: ngrams(r.text), y: r.label ? 1 : 0, doc: r.doc, rule: combine(pCheck, positionProbability(f), f).score };
    });
}

/** Regularisation of the stacker: dense part, and sparse part (cues + n-grams; 0 = no sparse part). */
interface StackReg {
  l2: number;
  l2Sparse: number;
}
/** Sparse indices of an example: cues, then n-grams (repeats kept). */
function sparseIndex(e: StackExample, vocab: Map<string, number>): number[] {
  const idx = [...e.cues];
  for (const g of e.grams) {
    const j = vocab.get(g);
    if (j !== undefined) idx.push(F + j);
  }
  return idx;
}

/**
 * L2 logistic regression (Adam, full batch) over the dense stacker inputs and, when
 * `reg.l2Sparse > 0`, the cues and n-grams; mean log-loss + (l2 / n) ||w||^2 / 2 per part.
 */
function trainStack(data: StackExample[], reg: StackReg, iters = 1200): StackerModel {
  const d = STACK_FEATURES.length;
  const sparse = reg.l2Sparse > 0;
  const vocab = sparse ? buildVocab(data) : new Map<string, number>();
  const dim = d + (sparse ? F + vocab.size : 0);
  const idx = data.map((e) => (sparse ? sparseIndex(e, vocab) : []));
  const w = new Float64Array(dim + 1);
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  const g = new Float64Array(dim + 1);
  const n = data.length;
  for (let t = 1; t <= iters; t++) {
    g.fill(0);
    data.forEach((e, k) => {
      let z = w[0] as number;
      for (let j = 0; j < d; j++) z += (w[j + 1] as number) * (e.x[j] as number);
      for (const i of idx[k] as number[]) z += w[d + i + 1] as number;
      const err = (sigmoid(z) - e.y) / n;
      g[0] = (g[0] as number) + err;
      for (let j = 0; j < d; j++) g[j + 1] = (g[j + 1] as number) + err * (e.x[j] as number);
      for (const i of idx[k] as number[]) g[d + i + 1] = (g[d + i + 1] as number) + err;
    });
    for (let j = 1; j <= dim; j++) g[j] = (g[j] as number) + ((j <= d ? reg.l2 : reg.l2Sparse) / n) * (w[j] as number);
    for (let j = 0; j <= dim; j++) {
      const gj = g[j] as number;
      m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
      v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
      w[j] = (w[j] as number) - (0.03 * ((m[j] as number) / (1 - 0.9 ** t))) / (Math.sqrt((v[j] as number) / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  const model: StackerModel = { bias: w[0] as number, weights: Array.from(w.subarray(1, d + 1)) };
  if (sparse) {
    model.cues = Array.from(w.subarray(d + 1, d + 1 + F));
    model.vocab = [...vocab].map(([gram, j]) => `${gram}\t${w[d + 1 + F + j] as number}`).join('\n');
  }
  return model;
}

/** Stacker probability of an example, by the inference code itself (model.ts). */
function stackProb(model: StackerModel, e: StackExample): number {
  return stackGate(sigmoid(stackLogit(model, e.x) + sparseStackLogit(model, e.f, e.text)), e.f);
}

/** Seeded document-grouped fold assignment (every sentence of a document in the same fold). */
function docFolds(data: ReadonlyArray<{ doc: string }>, k: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const docs = [...new Set(data.map((e) => e.doc))];
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [docs[i], docs[j]] = [docs[j] as string, docs[i] as string];
  }
  const of = new Map(docs.map((d, i) => [d, i % k]));
  return data.map((e) => of.get(e.doc) as number);
}

const SEEDS = [1, 2, 3, 4, 5];
/** Out-of-fold stacker probabilities for each seed. */
function stackCv(data: StackExample[], reg: StackReg): number[][] {
  return SEEDS.map((seed) => {
    const fo = docFolds(data, FOLDS, seed);
    const out = new Array<number>(data.length).fill(0);
    for (let k = 0; k < FOLDS; k++) {
      const fit = trainStack(data.filter((_, i) => fo[i] !== k), reg);
      data.forEach((e, i) => {
        if (fo[i] === k) out[i] = stackProb(fit, e);
      });
    }
    return out;
  });
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean over seeds of F1 at each threshold; the threshold with the best mean F1. */
function cvThreshold(oof: number[][], y: number[]): { thr: number; f: number; p: number; r: number; ap: number } {
  let best = { thr: 0.5, f: 0, p: 0, r: 0 };
  const curve: string[] = [];
  for (let thr = 0.2; thr < 0.8 + 1e-9; thr += 0.025) {
    const rs = oof.map((s) => f1At(s, y, thr));
    const f = mean(rs.map((r) => r.f));
    curve.push(`${thr.toFixed(3)}:${f.toFixed(3)}`);
    if (f > best.f + 1e-12) best = { thr, f, p: mean(rs.map((r) => r.p)), r: mean(rs.map((r) => r.r)) };
  }
  if (args.includes('--curve')) console.log('  CV F1 by threshold: ' + curve.join(' '));
  return { ...best, ap: mean(oof.map((s) => averagePrecision(s, y))) };
}

const stackers: Record<string, StackerModel> = {};
const stackReport: string[] = [];
let enStack: StackerModel | undefined;
const byLang: Record<string, StackExample[]> = { en: stackExamples('en'), fr: stackExamples('fr') };
for (const lang of ['en', 'fr']) {
  const data = byLang[lang] as StackExample[];
  if (!data.length) {
    console.log(`stacker ${lang}: ${policyPath(lang)} not found; no stacker`);
    continue;
  }
  const y = data.map((e) => e.y);
  const rule = data.map((e) => e.rule);
  const ruleAt = f1At(rule, y, CLAIM_THRESHOLD);
  const ruleAp = averagePrecision(rule, y);
  console.log(`\nstacker ${lang}: ${data.length} project sentences, ${y.reduce((a, b) => a + b, 0)} claims, ${new Set(data.map((e) => e.doc)).size} documents; doc-grouped ${FOLDS}-fold CV x ${SEEDS.length} seeds`);
  let chosen = { reg: { l2: 1, l2Sparse: 0 } as StackReg, loss: Infinity, oof: [] as number[][] };
  let denseBest = { f: 0, ap: 0, reg: '' };
  for (const l2Sparse of [0, 0.3, 1, 3]) {
    for (const l2 of [1]) {
      const reg = { l2, l2Sparse };
      const oof = stackCv(data, reg);
      const loss = mean(oof.map((s) => logLoss(s, y)));
      const cvr = cvThreshold(oof, y);
      console.log(`  l2=${l2} sparse l2=${l2Sparse || 'none'}: CV log-loss ${fmt(loss)} F1 ${fmt(cvr.f)} AP ${fmt(cvr.ap)}`);
      if (l2Sparse === 0 && cvr.f > denseBest.f) denseBest = { f: cvr.f, ap: cvr.ap, reg: `l2=${l2}` };
      if (loss < chosen.loss) chosen = { reg, loss, oof };
    }
  }
  const cv = cvThreshold(chosen.oof, y);
  console.log(`| ${lang} project set (CV) | F1 | P | R | AP | threshold |`);
  console.log('|---|---|---|---|---|---|');
  console.log(`| hand-set noisy-OR rule (no fitting) | ${fmt(ruleAt.f)} | ${fmt(ruleAt.p)} | ${fmt(ruleAt.r)} | ${fmt(ruleAp)} | ${CLAIM_THRESHOLD} |`);
  console.log(`| dense stacker only (${denseBest.reg}, CV threshold) | ${fmt(denseBest.f)} | | | ${fmt(denseBest.ap)} | |`);
  console.log(`| stacker (l2=${chosen.reg.l2}, sparse l2=${chosen.reg.l2Sparse || 'none'}, CV threshold) | ${fmt(cv.f)} | ${fmt(cv.p)} | ${fmt(cv.r)} | ${fmt(cv.ap)} | ${cv.thr.toFixed(3)} |`);
  if (lang === 'fr' && enStack) {
    // The English stacker as is on French (no French fitting), for reference.
    const s = data.map((e) => stackProb(enStack as StackerModel, e));
    const at = f1At(s, y, CLAIM_THRESHOLD);
    console.log(`| English stacker applied to French | ${fmt(at.f)} | ${fmt(at.p)} | ${fmt(at.r)} | ${fmt(averagePrecision(s, y))} | ${CLAIM_THRESHOLD} |`);
  }
  const ship = cv.f >= ruleAt.f && cv.ap >= ruleAp;
  const full = trainStack(data, chosen.reg);
  // Fold the CV threshold into the bias: score >= CLAIM_THRESHOLD <=> stacker prob >= cv.thr.
  const shipped: StackerModel = { bias: r3(full.bias + logit(CLAIM_THRESHOLD) - logit(cv.thr)), weights: full.weights.map(r3) };
  if (full.cues) shipped.cues = full.cues.map(r3);
  if (full.vocab) {
    shipped.vocab = full.vocab
      .split('\n')
      .map((line) => line.split('\t') as [string, string])
      .filter(([, w]) => Math.abs(Number(w)) >= 0.02)
      .map(([gram, w]) => `${gram}\t${r3(Number(w))}`)
      .join('\n');
  }
  if (lang === 'en') enStack = shipped;
  console.log(`  weights: bias=${shipped.bias} ` + STACK_FEATURES.map((n, i) => `${n}=${shipped.weights[i]}`).join(' '));
  console.log(`  ${ship ? 'SHIPPED' : 'NOT shipped (the hand-set rule is as good on CV)'}`);
  stackReport.push(`${lang}: n=${data.length} cv_f1=${fmt(cv.f)} cv_ap=${fmt(cv.ap)} rule_f1=${fmt(ruleAt.f)} rule_ap=${fmt(ruleAp)} thr=${cv.thr.toFixed(3)} l2=${chosen.reg.l2} l2_sparse=${chosen.reg.l2Sparse} shipped=${ship}`);
  if (ship) stackers[lang] = shipped;
}

// ClaimBuster CV of the shipped English score (out-of-fold ClaimBuster model, then the stacker).
if (cbOof) {
  const s = examples.map((e, i) => {
    const pCheck = (cbOof as number[])[i] as number;
    if (!stackers.en) return combine(pCheck, positionProbability(e.f), e.f, 0).score;
    const x = stackInputs(e.f, pCheck, effectPart(e.f), forecastPart(e.f), positionProbability(e.f));
    return stackGate(sigmoid(stackLogit(stackers.en, x) + sparseStackLogit(stackers.en, e.f, e.text)), e.f);
  });
  const at = f1At(s, ys, CLAIM_THRESHOLD);
  const bf = bestF1(s, ys, 0.1, 0.85, 0.05);
  console.log(`\n| shipped English score on ClaimBuster (5-fold CV) | F1@${CLAIM_THRESHOLD} | P | R | best-F1 (thr) | AP |`);
  console.log('|---|---|---|---|---|---|');
  console.log(`| ${stackers.en ? 'stacker' : 'noisy-OR'} | ${fmt(at.f)} | ${fmt(at.p)} | ${fmt(at.r)} | ${fmt(bf.f)} (${bf.thr.toFixed(2)}) | ${fmt(averagePrecision(s, ys))} |`);
}

// ------------------------------------------------------------------ register model (debate transcripts)
//
// ClaimBuster labels only check-worthy *factual* sentences of debates as claims: a debater's own
// opinions and plans are not. GUIDELINES §2 counts positions as claims. One score cannot follow
// both (a joint stacker reached 0.68 on ClaimBuster and lost 0.07 on the policy set), so the
// convention is chosen per document: a text that reads as a debate transcript gets the
// check-worthiness score, any other text the policy score. The register model tells debate
// sentences (ClaimBuster, whatever their label) from written ones (the project's policy sentences
// and wikigold's Wikipedia sentences, CC BY 4.0); a document is a transcript when the mean of its
// sentences' probabilities reaches REGISTER_THRESHOLD. Cross-validated like the rest: the gate of
// each held-out fold is trained without it.
let registerSource = '';
if (cbOof) {
  const L2_REGISTER = 3;
  const CHUNK = 30; // sentences per pseudo-document where the data have no documents
  const MIN_SENTENCES = 5;
  const wikigoldPath = join(dirname(dataPath), 'ner_en_wikigold.dev.jsonl');
  // Word unigrams only, and only weights of at least MIN_WEIGHT: the decision is a mean over many
  // sentences, so a small model is enough, and it ships in the content script.
  const MIN_WEIGHT = Number(arg('--register-min-weight') ?? 0.1);
  const unigrams = (ex: Example): Example => ({ ...ex, grams: ex.grams.filter((g) => !g.includes(' ')) });
  interface RegRow { ex: Example; doc: string }
  const spoken: RegRow[] = examples.map((ex, i) => ({ ex: unigrams(ex), doc: `cb${Math.floor(i / CHUNK)}` }));
  const written: RegRow[] = [
    ...stackExamples('en').map((e) => ({ ex: unigrams({ text: e.text, y: 0, f: e.f, grams: e.grams }), doc: `policy:${e.doc}` })),
    ...(existsSync(wikigoldPath)
      ? readFileSync(wikigoldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
          const text = (JSON.parse(l) as { text: string }).text;
          return { ex: unigrams({ text, y: 0, f: extractFeatures(text, 'en'), grams: ngrams(text) }), doc: `wiki${Math.floor(i / CHUNK)}` };
        })
      : []),
  ];
  const trainRegister = (sp: RegRow[], wr: RegRow[]): { w: Float64Array; vocab: Map<string, number>; p: (ex: Example) => number } => {
    const vocab = buildVocab([...sp, ...wr].map((r) => r.ex));
    const data = [...sp.map((r) => ({ ...encode(r.ex, vocab), y: 1 })), ...wr.map((r) => ({ ...encode(r.ex, vocab), y: 0 }))];
    const w = trainLR(data, F + vocab.size, L2_REGISTER, 300);
    // As shipped: n-gram weights rounded to 0.01 and dropped below MIN_WEIGHT.
    for (let j = F + 1; j < w.length; j++) {
      const r = Math.round((w[j] as number) * 100) / 100;
      w[j] = Math.abs(r) >= MIN_WEIGHT ? r : 0;
    }
    return { w, vocab, p: (ex) => predict(w, encode(ex, vocab)) };
  };
  // Out-of-fold register probabilities: spoken by ClaimBuster's folds, written by document.
  const wFold = docFolds(written, FOLDS, 1);
  const spOof = new Array<number>(spoken.length).fill(0);
  const wrOof = new Array<number>(written.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const g = trainRegister(spoken.filter((_, i) => fold[i] !== k), written.filter((_, i) => wFold[i] !== k)).p;
    spoken.forEach((r, i) => { if (fold[i] === k) spOof[i] = g(r.ex); });
    written.forEach((r, i) => { if (wFold[i] === k) wrOof[i] = g(r.ex); });
  }
  const docMeans = (rows: RegRow[], p: number[]): Array<{ doc: string; m: number; n: number }> => {
    const by = new Map<string, number[]>();
    rows.forEach((r, i) => by.set(r.doc, [...(by.get(r.doc) ?? []), p[i] as number]));
    return [...by].filter(([, a]) => a.length >= MIN_SENTENCES).map(([doc, a]) => ({ doc, m: mean(a), n: a.length }));
  };
  const spDocs = docMeans(spoken, spOof);
  const wrDocs = docMeans(written, wrOof);
  const maxWritten = Math.max(...wrDocs.map((d) => d.m));
  const minSpoken = Math.min(...spDocs.map((d) => d.m));
  // Halfway between the most debate-like written document and the least debate-like debate chunk.
  const docThreshold = r3((maxWritten + minSpoken) / 2);
  console.log(`\nregister model: ${spoken.length} debate sentences vs ${written.length} written (${wrDocs.length} documents of >= ${MIN_SENTENCES}); ${FOLDS}-fold CV`);
  console.log(`  sentence AP ${fmt(averagePrecision([...spOof, ...wrOof], [...spOof.map(() => 1), ...wrOof.map(() => 0)]))}`);
  console.log(`  document means (CV): debate chunks of ${CHUNK} min ${fmt(minSpoken)}, written documents max ${fmt(maxWritten)} (${wrDocs.sort((a, b) => b.m - a.m).slice(0, 3).map((d) => `${d.doc} ${fmt(d.m)}`).join(', ')}); threshold ${docThreshold}`);
  // The check-worthiness threshold, chosen on ClaimBuster's out-of-fold scores, folded into a shift.
  const cwThr = bestF1(cbOof, ys, 0.1, 0.6, 0.025).thr;
  const cwShift = r3(logit(CLAIM_THRESHOLD) - logit(cwThr));
  // Whole pipeline on ClaimBuster by CV: each held-out fold is one document (as `npm run analyze`
  // treats a file of sentences without document ids), its mode decided by its out-of-fold gate.
  const pipe = examples.map(() => 0);
  let transcriptFolds = 0;
  for (let k = 0; k < FOLDS; k++) {
    const idx = examples.map((_, i) => i).filter((i) => fold[i] === k);
    const isTranscript = mean(idx.map((i) => spOof[i] as number)) >= docThreshold;
    if (isTranscript) transcriptFolds++;
    for (const i of idx) pipe[i] = isTranscript ? sigmoid(logit(cbOof[i] as number) + cwShift) : 0;
  }
  const at = f1At(pipe, ys, CLAIM_THRESHOLD);
  console.log(`  check-worthiness threshold ${cwThr.toFixed(3)} (CV best F1); ClaimBuster folds read as transcripts ${transcriptFolds}/${FOLDS}`);
  console.log(`| ClaimBuster, transcript mode (5-fold CV) | F1 ${fmt(at.f)} | P ${fmt(at.p)} | R ${fmt(at.r)} | AP ${fmt(averagePrecision(pipe, ys))} |`);
  const { w: wFull, vocab } = trainRegister(spoken, written);
  const lines: string[] = [];
  for (const [g, j] of vocab) {
    const w = wFull[F + j + 1] as number;
    if (w !== 0) lines.push(`${g}\t${w}`);
  }
  const register = {
    bias: r3(wFull[0] as number),
    weights: Array.from(wFull.subarray(1, F + 1), r3),
    vocab: lines.join('\n'),
    docThreshold,
    minSentences: MIN_SENTENCES,
    checkShift: cwShift,
    cvClaimBusterF1: r3(at.f),
  };
  registerSource = `// Generated by \`npm run train:claims\` (scripts/train-claims.ts): debate register (ClaimBuster
// sentences, CC BY 4.0) against written text (data/claims/policy-en.jsonl, project; wikigold, CC BY 4.0).
// CV: debate chunks min ${fmt(minSpoken)}, written documents max ${fmt(maxWritten)}; ClaimBuster transcript mode F1 ${fmt(at.f)}.
// Do not edit by hand.
import type { RegisterModel } from './register';

export const REGISTER_MODEL: RegisterModel = ${JSON.stringify(register, null, 1)};
`;
  console.log(`  register vocabulary: ${lines.length} n-grams`);
}

const stackSource = `// Generated by \`npm run train:claims\` (scripts/train-claims.ts) from data/claims/policy-{en,fr}.jsonl
// (sentences written and labelled by the project). Threshold folded into the bias. Do not edit by hand.
${stackReport.map((l) => `// ${l}`).join('\n')}
import type { StackerModel } from './stacker';

export const CLAIM_STACKERS: Record<string, StackerModel | undefined> = ${JSON.stringify(stackers, null, 1)};
`;
if (args.includes('--dry-run')) {
  console.log(`train:claims dry run: nothing written`);
} else {
  if (source) {
    writeFileSync(outPath, source);
    console.log(`train:claims wrote lib/analysis/claims/model.generated.ts bytes=${Buffer.byteLength(source)}`);
  }
  if (registerSource) {
    writeFileSync(registerPath, registerSource);
    console.log(`train:claims wrote lib/analysis/claims/register.generated.ts bytes=${Buffer.byteLength(registerSource)}`);
  }
  writeFileSync(stackPath, stackSource);
  console.log(`train:claims wrote lib/analysis/claims/stacker.generated.ts stackers=${Object.keys(stackers).join(',') || 'none'}`);
}
