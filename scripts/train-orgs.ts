/**
 * Trains the organization tagger (lib/analysis/orgs/model.ts) on wikigold (CC BY 4.0), the only
 * NER file whose labels may be learned from, and writes lib/analysis/orgs/model.generated.ts.
 *
 *   npx tsx scripts/train-orgs.ts [--eval-dir ../shared/eval] [--folds 5] [--epochs 8] [--bits 16] [--cv-only]
 *
 * Reports k-fold cross-validation on contiguous blocks of wikigold articles (ids `wikigold-d<N>s<M>`),
 * rules alone vs rules + tagger at several confidence thresholds, picks the threshold with the best
 * pooled CV exact F1, then trains on all of wikigold. CrossNER, WikiNEuRal and AI-policy files are
 * evaluation only: never train or tune on them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { detectOrganizations } from '../lib/analysis/orgs';
import {
  DYNAMIC_FEATURES,
  STATIC_FEATURES,
  TAG_B,
  TAG_I,
  TAG_O,
  dynamicFeatures,
  encodeModel,
  loadModel,
  prepare,
  type ModelInput,
  type OrgModel,
  type Prepared,
} from '../lib/analysis/orgs/model';

interface Gold {
  id: string;
  text: string;
  orgs: { start: number; end: number }[];
}
interface Example {
  rec: Gold;
  doc: number;
  input: ModelInput;
  prep: Prepared;
  gold: Uint8Array;
}

const argv = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1]! : def;
};
const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = resolve(opt('--eval-dir', '../shared/eval'));
const FOLDS = Number(opt('--folds', '5'));
const EPOCHS = Number(opt('--epochs', '15'));
const BITS = Number(opt('--bits', '16'));
const PRECISION_SLACK = 0.05;
const THRESHOLDS = [0, 2, 4, 6, 8, 10, 12, 15, 20, 25, 30];

const records: Gold[] = readFileSync(join(evalDir, 'data/ner_en_wikigold.dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Gold);

const examples: Example[] = records.map((rec) => {
  let input: ModelInput | undefined;
  detectOrganizations(rec.text, 'en', { model: null, onInput: (x) => (input = x) });
  const { t } = input!;
  const gold = new Uint8Array(t.count);
  for (const o of rec.orgs) {
    let first = true;
    for (let k = 0; k < t.count; k++) {
      if (t.end[k]! <= o.start || t.start[k]! >= o.end) continue;
      gold[k] = first ? TAG_B : TAG_I;
      first = false;
    }
  }
  const doc = Number(/-d(\d+)s/.exec(rec.id)?.[1] ?? '0');
  return { rec, doc, input: input!, prep: prepare(input!, BITS), gold };
});

function train(exs: Example[], epochs: number): Float32Array {
  const size = 2 << BITS;
  const w = new Float32Array(size);
  const u = new Float32Array(size);
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  let c = 1;
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const order = exs.map((_, i) => i);
  const update = (p: Prepared, i: number, tag: number, delta: number) => {
    const off = tag - 1;
    const base = i * STATIC_FEATURES;
    for (let f = 0; f < STATIC_FEATURES; f++) {
      const h = (p.feats[base + f]! << 1) + off;
      w[h] = w[h]! + delta;
      u[h] = u[h]! + delta * c;
    }
    for (let f = 0; f < DYNAMIC_FEATURES; f++) {
      const h = (dyn[f]! << 1) + off;
      w[h] = w[h]! + delta;
      u[h] = u[h]! + delta * c;
    }
  };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { prep: p, input, gold } = exs[idx]!;
      let prev = TAG_O;
      for (let i = 0; i < p.n; i++) {
        let g = gold[i]!;
        if (prev === TAG_O && g === TAG_I) g = TAG_B;
        if (prev === TAG_O && !p.eligible[i]) {
          prev = TAG_O;
          continue;
        }
        let b = 0;
        let ii = 0;
        const base = i * STATIC_FEATURES;
        for (let f = 0; f < STATIC_FEATURES; f++) {
          const h = p.feats[base + f]! << 1;
          b += w[h]!;
          ii += w[h + 1]!;
        }
        dynamicFeatures(p, input, i, prev, BITS, dyn);
        for (let f = 0; f < DYNAMIC_FEATURES; f++) {
          const h = dyn[f]! << 1;
          b += w[h]!;
          ii += w[h + 1]!;
        }
        let pred = TAG_O;
        if (prev === TAG_O) pred = b > 0 ? TAG_B : TAG_O;
        else if (ii >= b && ii > 0) pred = TAG_I;
        else if (b > 0) pred = TAG_B;
        if (pred !== g) {
          if (g !== TAG_O) update(p, i, g, 1);
          if (pred !== TAG_O) update(p, i, pred, -1);
        }
        c++;
        prev = pred;
      }
    }
  }
  for (let h = 0; h < size; h++) w[h] = w[h]! - u[h]! / c;
  return w;
}

interface Counts {
  tp: number;
  pred: number;
  gold: number;
}
const f1 = (c: Counts) => {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (c: Counts) => {
  const { p, r, f } = f1(c);
  return `P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f.toFixed(3)}`;
};

function score(exs: Example[], model: OrgModel | null, threshold: number, into: Counts): void {
  for (const { rec } of exs) {
    const gold = new Set(rec.orgs.map((o) => `${o.start}:${o.end}`));
    const pred = new Set(detectOrganizations(rec.text, 'en', { model, threshold }).map((m) => `${m.start}:${m.end}`));
    into.gold += gold.size;
    into.pred += pred.size;
    for (const k of pred) if (gold.has(k)) into.tp++;
  }
}

// Cross-validation over contiguous blocks of articles.
const docs = [...new Set(examples.map((e) => e.doc))].sort((a, b) => a - b);
const foldOf = new Map(docs.map((d, i) => [d, Math.floor((i * FOLDS) / docs.length)]));
const rulesOnly: Counts = { tp: 0, pred: 0, gold: 0 };
const byThreshold = THRESHOLDS.map(() => ({ tp: 0, pred: 0, gold: 0 }));
const started = performance.now();
for (let f = 0; f < FOLDS; f++) {
  const test = examples.filter((e) => foldOf.get(e.doc) === f);
  const model: OrgModel = { bits: BITS, w: train(examples.filter((e) => foldOf.get(e.doc) !== f), EPOCHS) };
  score(test, null, 0, rulesOnly);
  const foldLine: string[] = [];
  THRESHOLDS.forEach((th, k) => {
    const c = { tp: 0, pred: 0, gold: 0 };
    score(test, model, th, c);
    byThreshold[k]!.tp += c.tp;
    byThreshold[k]!.pred += c.pred;
    byThreshold[k]!.gold += c.gold;
    if (th === 10) foldLine.push(fmt(c));
  });
  console.log(`fold ${f + 1}/${FOLDS}: ${test.length} sentences; rules+tagger @10 ${foldLine.join('')}`);
}
console.log(`\nCV (${FOLDS} folds of contiguous articles, exact match), ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`rules only            ${fmt(rulesOnly)}`);
// Best CV F1 among thresholds that cost at most 5 points of precision: a wrong highlight costs the
// reader more than a missing one, and the tagger must not flood other genres (policy text).
const floor = f1(rulesOnly).p - PRECISION_SLACK;
let best = THRESHOLDS.length - 1;
THRESHOLDS.forEach((th, k) => {
  console.log(`rules + tagger >= ${String(th).padEnd(3)} ${fmt(byThreshold[k]!)}`);
  if (f1(byThreshold[k]!).p >= floor && f1(byThreshold[k]!).f > f1(byThreshold[best]!).f) best = k;
});
const threshold = THRESHOLDS[best]!;
console.log(`chosen threshold ${threshold}`);

if (!argv.includes('--cv-only')) {
  const w = train(examples, EPOCHS);
  let maxAbs = 0;
  for (const x of w) maxAbs = Math.max(maxAbs, Math.abs(x));
  // Quantise to signed bytes; weights below half a step vanish (sparse storage).
  const scale = maxAbs / 127;
  const data = encodeModel(w, scale);
  const module = `// Generated by scripts/train-orgs.ts from wikigold (CC BY 4.0): do not edit by hand.
// Averaged perceptron, ${EPOCHS} epochs, 2^${BITS} hashed feature buckets; threshold chosen by ${FOLDS}-fold CV.
export const MODEL_BITS = ${BITS};
export const MODEL_SCALE = ${scale};
export const MODEL_THRESHOLD = ${threshold};
export const MODEL_DATA =
  '${data}';
`;
  writeFileSync(join(root, 'lib/analysis/orgs/model.generated.ts'), module);
  const q = loadModel(BITS, scale, data);
  const check = { tp: 0, pred: 0, gold: 0 };
  score(examples, q, threshold, check);
  console.log(`model.generated.ts ${module.length} B gzip=${gzipSync(module).length} B; training-set (not a fair figure) ${fmt(check)}`);
}
if (argv.includes('--diag')) {
  const { decode } = await import('../lib/analysis/orgs/model');
  const c = { tp: 0, pred: 0, gold: 0 };
  const shown: string[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const test = examples.filter((e) => foldOf.get(e.doc) === f);
    const model: OrgModel = { bits: BITS, w: train(examples.filter((e) => foldOf.get(e.doc) !== f), EPOCHS) };
    for (const e of test) {
      const gold = new Set(e.rec.orgs.map((o) => `${o.start}:${o.end}`));
      const spans = decode(model, e.input, e.prep).map((s) => `${e.input.t.start[s.first]}:${e.input.t.end[s.last]}`);
      c.gold += gold.size;
      c.pred += spans.length;
      for (const k of spans) if (gold.has(k)) c.tp++;
      if (f === 1 && shown.length < 40) {
        const sp = spans.filter((k) => !gold.has(k)).map((k) => e.rec.text.slice(...(k.split(':').map(Number) as [number, number])));
        const mi = [...gold].filter((k) => !spans.includes(k)).map((k) => e.rec.text.slice(...(k.split(':').map(Number) as [number, number])));
        if (sp.length || mi.length) shown.push(`spurious=${JSON.stringify(sp)} missed=${JSON.stringify(mi)}`);
      }
    }
  }
  console.log(`tagger alone (CV): ${fmt(c)}`);
  console.log(shown.join('\n'));
}
